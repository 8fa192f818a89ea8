using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>What a binder makes of the arguments: a typed command to dispatch, or the error reply to send instead.</summary>
public readonly struct BindResult
{
    public BindResult(IRedisCommand command)
    {
        Command = command;
    }

    private BindResult(Reply error)
    {
        Error = error;
    }

    /// <summary>The command to dispatch; null when binding failed.</summary>
    public IRedisCommand? Command { get; }

    /// <summary>The error to answer with when <see cref="Command"/> is null.</summary>
    public Reply Error { get; }

    public static implicit operator BindResult(Reply error) => new(error);
}
