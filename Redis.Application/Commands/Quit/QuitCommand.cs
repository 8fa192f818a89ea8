using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Quit;

/// <summary><c>QUIT</c>: answer OK, then close the connection.</summary>
public sealed record QuitCommand : IRedisCommand
{
    public static QuitCommand Instance { get; } = new();
}
