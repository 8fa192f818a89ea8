using Redis.Application.Abstractions;

namespace Redis.Application.Commands.DbSize;

/// <summary><c>DBSIZE</c>.</summary>
public sealed record DbSizeCommand : IRedisCommand
{
    public static DbSizeCommand Instance { get; } = new();
}
