using Redis.Application.Abstractions;

namespace Redis.Application.Commands.SwapDb;

/// <summary><c>SWAPDB index1 index2</c>.</summary>
public sealed record SwapDbCommand(int First, int Second) : IRedisCommand;
