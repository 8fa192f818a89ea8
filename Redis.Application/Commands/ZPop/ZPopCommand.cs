using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZPop;

/// <summary><c>ZPOPMIN key [count]</c>, <c>ZPOPMAX key [count]</c>, and <c>ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]</c>.</summary>
/// <param name="Keys">The keys to try in order (one for <c>ZPOPMIN</c>/<c>ZPOPMAX</c>).</param>
/// <param name="Max">Pop the highest scores.</param>
/// <param name="Count">How many; -1 when <c>ZPOPMIN</c>/<c>ZPOPMAX</c> had no count (a flat reply even in RESP3).</param>
/// <param name="Multi"><c>ZMPOP</c>: answer [key, [[member, score], ...]], and a null array when every key is missing.</param>
/// <param name="Resp3">The connection's protocol when bound.</param>
public sealed record ZPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys, bool Max, long Count, bool Multi, bool Resp3) : IRedisCommand;
