using Redis.Application.Abstractions;

namespace Redis.Application.Commands.MGet;

/// <summary><c>MGET key [key ...]</c>.</summary>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
public sealed record MGetCommand(ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
