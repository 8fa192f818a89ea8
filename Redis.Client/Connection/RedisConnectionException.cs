using Redis.Protocol;

namespace Redis.Client.Connection;

/// <summary>The connection to the server failed or broke; the message is what redis-cli would print.</summary>
/// <remarks>A fault, not a reply: error replies from the server are <c>Reply</c> values, never this exception.</remarks>
public sealed class RedisConnectionException : IOException
{
    public RedisConnectionException()
    {
    }

    public RedisConnectionException(string message)
        : base(message)
    {
    }

    public RedisConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
