using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Exists;

/// <summary><c>EXISTS key [key ...]</c>.</summary>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
public sealed record ExistsCommand(ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
