using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Sort;

/// <summary>
/// <c>SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA] [STORE destination]</c>
/// and <c>SORT_RO</c> (the same without <c>STORE</c>).
/// </summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">The list, set or sorted set to sort; a slice of the request.</param>
/// <param name="By">The last <c>BY</c> pattern, or null without one.</param>
/// <param name="DontSort">
/// True once a <c>BY</c> pattern without <c>*</c> was given (<c>BY nosort</c>): the elements keep the source's order.
/// It stays set when a later <c>BY</c> has a <c>*</c>, as Redis's <c>dontsort</c> does.
/// </param>
/// <param name="Offset"><c>LIMIT</c>'s offset (0 without it).</param>
/// <param name="Count"><c>LIMIT</c>'s count, negative for all (-1 without it).</param>
/// <param name="Gets">The <c>GET</c> patterns in order; empty to answer the elements themselves.</param>
/// <param name="Destination"><c>STORE</c>'s destination, or null to answer the result.</param>
public sealed record SortCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    ReadOnlyMemory<byte>? By,
    bool DontSort,
    long Offset,
    long Count,
    ReadOnlyMemory<byte>[] Gets,
    bool Descending,
    bool Alpha,
    ReadOnlyMemory<byte>? Destination) : IRedisCommand;
