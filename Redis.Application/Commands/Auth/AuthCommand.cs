using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Auth;

/// <summary><c>AUTH [username] password</c>.</summary>
/// <param name="Session">The connection to authenticate.</param>
/// <param name="Username">The user; null for the one-argument form, which means <c>default</c>.</param>
/// <param name="Password">A slice of the request buffer: the password is never copied.</param>
public sealed record AuthCommand(ClientSession Session, ReadOnlyMemory<byte>? Username, ReadOnlyMemory<byte> Password) : IRedisCommand;
