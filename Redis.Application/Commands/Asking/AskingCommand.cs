using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Asking;

/// <summary><c>ASKING</c>.</summary>
public sealed record AskingCommand : IRedisCommand
{
    public static AskingCommand Instance { get; } = new();
}
