using Mediator;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRandMember;

/// <summary>
/// Random members (Redis's <c>zrandmemberWithCountCommand</c>): a negative count may repeat members; a positive one
/// answers distinct members, the whole set (from the highest score down, as Redis walks it) when it asks for as many.
/// </summary>
public sealed class ZRandMemberCommandHandler(TimeProvider time) : IRequestHandler<ZRandMemberCommand, Reply>
{
    private readonly Random _random = new();

    public ValueTask<Reply> Handle(ZRandMemberCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (request.Count is not { } count)
        {
            return new(set is null ? Reply.Nil : Reply.Bulk(set.RandomElement(_random).Member));
        }

        if (set is null || count == 0)
        {
            return new(Reply.EmptyArray);
        }

        return new(ZSetReplies.Entries(Pick(set, count, _random), request.WithScores, request.Resp3));
    }

    /// <summary>The members a count asks for; exposed for the property tests with a seeded <see cref="Random"/>.</summary>
    internal static SortedSetEntry[] Pick(SortedSetValue set, long count, Random random)
    {
        var size = set.Count;
        if (count < 0 || count == 1)
        {
            var picks = new SortedSetEntry[count < 0 ? -count : 1];
            for (var i = 0; i < picks.Length; i++)
            {
                picks[i] = set.RandomElement(random);
            }

            return picks;
        }

        if (count >= size)
        {
            return set.Range(size - 1, size, reverse: true);
        }

        var chosen = new SortedSetEntry[count];
        if (count * 3 > size)
        {
            // Most of the set: shuffle the first count ranks into place.
            var ranks = new long[size];
            for (var i = 0; i < size; i++)
            {
                ranks[i] = i;
            }

            for (var i = 0; i < count; i++)
            {
                var j = i + random.NextInt64(size - i);
                (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
                chosen[i] = set.ElementAt(ranks[i]);
            }

            return chosen;
        }

        var seen = new HashSet<long>();
        for (var i = 0; i < count;)
        {
            var rank = random.NextInt64(size);
            if (seen.Add(rank))
            {
                chosen[i++] = set.ElementAt(rank);
            }
        }

        return chosen;
    }
}
