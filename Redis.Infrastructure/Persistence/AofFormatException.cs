namespace Redis.Infrastructure.Persistence;

/// <summary>An append-only directory that cannot be loaded: a bad manifest, a missing file, a command this server does not know, a truncated file it may not truncate.</summary>
public sealed class AofFormatException : Exception
{
    public AofFormatException()
    {
    }

    public AofFormatException(string message)
        : base(message)
    {
    }

    public AofFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
