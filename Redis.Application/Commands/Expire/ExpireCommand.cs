using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Expire;

/// <summary>
/// <c>EXPIRE key seconds [NX | XX | GT | LT]</c>, and its twins <c>PEXPIRE</c>, <c>EXPIREAT</c> and <c>PEXPIREAT</c>,
/// which Redis runs through one function (<c>expireGenericCommand</c>) with a unit and a base time.
/// </summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Seconds">The time argument: seconds, or milliseconds when <paramref name="InMilliseconds"/>; relative to now,
/// or a Unix time when <paramref name="Absolute"/>. A time at or before now deletes the key.</param>
/// <param name="Condition">The NX, XX, GT and LT options given.</param>
/// <param name="InMilliseconds">True for <c>PEXPIRE</c> and <c>PEXPIREAT</c>.</param>
/// <param name="Absolute">True for <c>EXPIREAT</c> and <c>PEXPIREAT</c>: the time is a Unix time, not a time to live.</param>
/// <param name="CommandName">The name used in "invalid expire time in '...' command".</param>
public sealed record ExpireCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    long Seconds,
    ExpireCondition Condition = ExpireCondition.None,
    bool InMilliseconds = false,
    bool Absolute = false,
    string CommandName = "expire") : IRedisCommand;
