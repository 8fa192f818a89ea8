using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Ping;

/// <summary><c>PING [message]</c>.</summary>
/// <param name="Subscriber">
/// The connection is a RESP2 subscriber, which Redis answers <c>["pong", message or ""]</c>: a simple string cannot be
/// told apart from a message in that mode's stream of arrays.
/// </param>
public sealed record PingCommand(byte[]? Message, bool Subscriber = false) : IRedisCommand;
