using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Time;

/// <summary><c>TIME</c>.</summary>
public sealed record TimeCommand : IRedisCommand
{
    public static TimeCommand Instance { get; } = new();
}
