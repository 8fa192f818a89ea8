using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Persist;

/// <summary><c>PERSIST key</c>: remove the key's time to live.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record PersistCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
