using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Get;

/// <summary><c>GET key</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record GetCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
