using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LPush;

/// <summary><c>LPUSH</c>, <c>RPUSH</c>, <c>LPUSHX</c> and <c>RPUSHX</c>: push elements at one end of a list.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Elements">Copies the list keeps.</param>
/// <param name="Left">True to push at the head.</param>
/// <param name="OnlyIfExists">True for the X forms: a missing key stays missing.</param>
public sealed record LPushCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, byte[][] Elements, bool Left, bool OnlyIfExists) : IRedisCommand;
