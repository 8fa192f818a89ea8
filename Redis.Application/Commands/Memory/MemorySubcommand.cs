namespace Redis.Application.Commands.Memory;

/// <summary>The <c>MEMORY</c> subcommands.</summary>
public enum MemorySubcommand
{
    Usage,
    Stats,
    Doctor,
    MallocStats,
    Purge,
    Help,
}
