namespace Redis.Infrastructure.Persistence;

/// <summary>An RDB file or <c>DUMP</c> payload that cannot be read whole: truncated, corrupt, or of a kind this server does not load.</summary>
public sealed class RdbFormatException : Exception
{
    public RdbFormatException()
    {
    }

    public RdbFormatException(string message)
        : base(message)
    {
    }

    public RdbFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
