using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Set;

/// <summary>
/// <c>SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]</c>,
/// and its older forms <c>SETNX</c>, <c>SETEX</c> and <c>PSETEX</c>, which Redis also runs through one function (<c>setGenericCommand</c>).
/// </summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Value">A slice of the request; the handler copies it into the keyspace.</param>
/// <param name="Expiry">The expiry option as given: <c>EX</c>, <c>PX</c>, <c>EXAT</c>, <c>PXAT</c>, <c>KEEPTTL</c> or none.</param>
/// <param name="Condition">The <c>NX</c> or <c>XX</c> option.</param>
/// <param name="ReturnOldValue">The <c>GET</c> option: answer the old value (or nil) instead of <c>OK</c>.</param>
/// <param name="RepliesWithInteger">Answer 1 or 0 instead of <c>OK</c> or nil, as <c>SETNX</c> does.</param>
/// <param name="CommandName">The name used in "invalid expire time in '...' command": <c>set</c>, <c>setex</c> or <c>psetex</c>.</param>
public sealed record SetCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    ReadOnlyMemory<byte> Value,
    ExpiryOption Expiry = default,
    SetCondition Condition = SetCondition.None,
    bool ReturnOldValue = false,
    bool RepliesWithInteger = false,
    string CommandName = "set") : IRedisCommand;
