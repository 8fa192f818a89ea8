using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Monitor;

/// <summary><c>MONITOR</c>: from now on the connection receives a line for every command any connection runs.</summary>
public sealed record MonitorCommand(ClientSession Session) : IRedisCommand;
