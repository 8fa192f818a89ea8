using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.MSet;

/// <summary><c>MSET key value [key value ...]</c>, or <c>MSETNX</c> when <paramref name="OnlyIfNoneExist"/>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Pairs">Keys and values alternately: slices of the request, valid only while the command runs.</param>
/// <param name="OnlyIfNoneExist">MSETNX: set nothing, and answer 0, when any of the keys exists.</param>
public sealed record MSetCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Pairs, bool OnlyIfNoneExist = false) : IRedisCommand;
