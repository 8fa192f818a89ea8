using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Save;

/// <summary><c>SAVE</c>: writes the RDB snapshot before answering.</summary>
public sealed record SaveCommand : IRedisCommand;
