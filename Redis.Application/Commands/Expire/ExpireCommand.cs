using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Expire;

/// <summary><c>EXPIRE key seconds [NX | XX | GT | LT]</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Seconds">Relative time to live; zero or negative deletes the key.</param>
/// <param name="Condition">The NX, XX, GT and LT options given.</param>
public sealed record ExpireCommand(ReadOnlyMemory<byte> Key, long Seconds, ExpireCondition Condition = ExpireCondition.None) : IRedisCommand;
