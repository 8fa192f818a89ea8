using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Hello;

/// <summary><c>HELLO [protover [AUTH username password] [SETNAME clientname]]</c>.</summary>
/// <param name="Session">The connection that says hello.</param>
/// <param name="Options">The AUTH and SETNAME options, in order; each takes effect as it is reached, as in Redis 7.0.</param>
/// <param name="UnknownOption">An unrecognised word after the options read so far; reached after they took effect, it is a syntax error.</param>
public sealed record HelloCommand(ClientSession Session, HelloOption[] Options, byte[]? UnknownOption = null) : IRedisCommand;
