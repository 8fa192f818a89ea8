using Redis.Application.Abstractions;

namespace Redis.Application.Commands.ReadOnly;

/// <summary><c>READONLY</c>.</summary>
public sealed record ReadOnlyCommand : IRedisCommand
{
    public static ReadOnlyCommand Instance { get; } = new();
}
