using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Role;

/// <summary><c>ROLE</c>.</summary>
public sealed record RoleCommand : IRedisCommand
{
    public static RoleCommand Instance { get; } = new();
}
