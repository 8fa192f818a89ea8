using Redis.Application.Abstractions;

namespace Redis.Application.Commands.FlushDb;

/// <summary><c>FLUSHALL [ASYNC | SYNC]</c>: empties every database.</summary>
public sealed record FlushAllCommand : IRedisCommand
{
    public static FlushAllCommand Instance { get; } = new();
}
