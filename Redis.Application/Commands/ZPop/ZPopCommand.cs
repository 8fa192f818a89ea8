using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZPop;

/// <summary><c>ZPOPMIN key [count]</c>, <c>ZPOPMAX key [count]</c>, and <c>ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]</c>.</summary>
/// <param name="Keys">The keys to try in order (one for <c>ZPOPMIN</c>/<c>ZPOPMAX</c>).</param>
/// <param name="Max">Pop the highest scores.</param>
/// <param name="Count">How many; -1 when <c>ZPOPMIN</c>/<c>ZPOPMAX</c> had no count (a flat reply even in RESP3).</param>
/// <param name="Multi"><c>ZMPOP</c>: answer [key, [[member, score], ...]], and a null array when every key is missing.</param>
/// <param name="Resp3">The connection's protocol when bound.</param>
/// <remarks>The blocking forms are this command with <see cref="Wait"/>: <c>BZMPOP</c>, and <c>BZPOPMIN</c>/<c>BZPOPMAX</c>, which answer [key, member, score].</remarks>
public sealed record ZPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys, bool Max, long Count, bool Multi, bool Resp3) : IRedisCommand
{
    /// <summary>Set for the blocking forms: who waits, and how long, when every key is missing.</summary>
    public BlockingWait? Wait { get; init; }

    /// <summary><c>BZPOPMIN</c>/<c>BZPOPMAX</c>: one member, answered as the flat [key, member, score].</summary>
    public bool KeyAndMember { get; init; }
}
