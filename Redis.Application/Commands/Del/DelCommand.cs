using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Del;

/// <summary><c>DEL key [key ...]</c>.</summary>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
public sealed record DelCommand(ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
