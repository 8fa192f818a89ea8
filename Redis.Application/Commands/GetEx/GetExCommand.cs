using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.GetEx;

/// <summary><c>GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Kind">The option given; <see cref="ExpiryKind.None"/> makes this a plain <c>GET</c>.</param>
/// <param name="Time">The number after a time option, unparsed: Redis reads it only once the key is found.</param>
public sealed record GetExCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ExpiryKind Kind = ExpiryKind.None, ReadOnlyMemory<byte> Time = default) : IRedisCommand;
