using Redis.Application.Abstractions;

namespace Redis.Application.Commands.MSet;

/// <summary><c>MSET key value [key value ...]</c>, or <c>MSETNX</c> when <paramref name="OnlyIfNoneExist"/>.</summary>
/// <param name="Pairs">Keys and values alternately: slices of the request, valid only while the command runs.</param>
/// <param name="OnlyIfNoneExist">MSETNX: set nothing, and answer 0, when any of the keys exists.</param>
public sealed record MSetCommand(ReadOnlyMemory<byte>[] Pairs, bool OnlyIfNoneExist = false) : IRedisCommand;
