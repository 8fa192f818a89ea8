using Redis.Application.Abstractions;

namespace Redis.Application.Commands.FlushDb;

/// <summary><c>FLUSHDB [ASYNC | SYNC]</c>, and <c>FLUSHALL</c>, which is the same with one database.</summary>
public sealed record FlushDbCommand : IRedisCommand
{
    public static FlushDbCommand Instance { get; } = new();
}
