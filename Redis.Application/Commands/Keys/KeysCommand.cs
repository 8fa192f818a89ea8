using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Keys;

/// <summary><c>KEYS pattern</c>, with Redis's glob rules.</summary>
/// <param name="Pattern">A slice of the request, valid only while the command runs.</param>
public sealed record KeysCommand(ReadOnlyMemory<byte> Pattern) : IRedisCommand;
