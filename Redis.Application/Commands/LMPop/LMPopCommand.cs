using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LMPop;

/// <summary><c>LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
/// <param name="Left">True to pop at the head.</param>
/// <param name="Count">How many to pop at most, 1 or more.</param>
/// <remarks>The blocking forms are this command with <see cref="Wait"/>: <c>BLMPOP</c>, and <c>BLPOP</c>/<c>BRPOP</c>, which answer [key, element].</remarks>
public sealed record LMPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys, bool Left, long Count) : IRedisCommand
{
    /// <summary>Set for the blocking forms: who waits, and how long, when every key is missing.</summary>
    public BlockingWait? Wait { get; init; }

    /// <summary><c>BLPOP</c>/<c>BRPOP</c>: one element, answered as [key, element] rather than [key, [elements]].</summary>
    public bool KeyAndElement { get; init; }
}
