namespace Redis.Application.Commands.Slowlog;

/// <summary>The <c>SLOWLOG</c> subcommands.</summary>
public enum SlowlogSubcommand
{
    Get,
    Len,
    Reset,
    Help,
}
