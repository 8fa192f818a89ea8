using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Command;

/// <summary>
/// <c>COMMAND GETKEYS command [arg ...]</c>, or <c>COMMAND GETKEYSANDFLAGS</c> when <paramref name="WithFlags"/>: the
/// full command whose keys are asked for.
/// </summary>
public sealed record CommandGetKeysCommand(byte[][] Words, bool WithFlags = false) : IRedisCommand;
