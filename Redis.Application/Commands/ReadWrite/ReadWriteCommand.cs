using Redis.Application.Abstractions;

namespace Redis.Application.Commands.ReadWrite;

/// <summary><c>READWRITE</c>.</summary>
public sealed record ReadWriteCommand : IRedisCommand
{
    public static ReadWriteCommand Instance { get; } = new();
}
