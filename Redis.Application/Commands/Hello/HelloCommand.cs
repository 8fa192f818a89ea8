using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Hello;

/// <summary><c>HELLO [protover [AUTH username password] [SETNAME clientname]]</c>.</summary>
/// <param name="Session">The connection that says hello.</param>
/// <param name="Protocol">The protocol to switch to, or null to keep the connection's (<c>HELLO</c> without a version).</param>
/// <param name="Options">The AUTH and SETNAME options, in order; each takes effect as it is reached, as in Redis 7.0.</param>
/// <param name="UnknownOption">An unrecognised word after the options read so far; reached after they took effect, it is a syntax error.</param>
public sealed record HelloCommand(ClientSession Session, RespVersion? Protocol, HelloOption[] Options, byte[]? UnknownOption = null) : IRedisCommand;
