using Redis.Application.Abstractions;

namespace Redis.Application.Commands.GetDel;

/// <summary><c>GETDEL key</c>: answer the value and delete the key.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record GetDelCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
