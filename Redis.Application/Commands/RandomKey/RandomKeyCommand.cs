using Redis.Application.Abstractions;

namespace Redis.Application.Commands.RandomKey;

/// <summary><c>RANDOMKEY</c>.</summary>
public sealed record RandomKeyCommand : IRedisCommand
{
    public static RandomKeyCommand Instance { get; } = new();
}
