using Mediator;
using Redis.Application.Commands.SetAlgebra;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SRandMember;

/// <summary>
/// Random members (Redis's <c>srandmemberWithCountCommand</c>), always as an array: a negative count samples with
/// repeats, a positive one answers distinct members, the whole set in its order when the count reaches its size.
/// </summary>
/// <remarks>
/// A negative count is capped at <see cref="Array.MaxLength"/> replies; Redis would go on until the client's output
/// buffer gives out.
/// </remarks>
public sealed class SRandMemberCommandHandler(TimeProvider time) : IRequestHandler<SRandMemberCommand, Reply>
{
    public ValueTask<Reply> Handle(SRandMemberCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(request.Count is null ? Reply.Nil : Reply.EmptyArray);
        }

        var random = Random.Shared;
        if (request.Count is not { } count)
        {
            return new(Reply.Bulk(set!.MemberAt(set.RandomPosition(random))));
        }

        if (count == 0)
        {
            return new(Reply.EmptyArray);
        }

        if (count < 0 || count == 1)
        {
            var samples = new Reply[Math.Min(Math.Abs(count), Array.MaxLength)];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = Reply.Bulk(set!.MemberAt(set.RandomPosition(random)));
            }

            return new(Reply.Array(samples));
        }

        if (count >= set!.Count)
        {
            return new(SetAlgebraSupport.Members(set, asSet: false));
        }

        return new(Reply.Array(Distinct(set, (int)count, random)));
    }

    /// <summary><paramref name="count"/> distinct members, fewer than the set has: a partial shuffle of positions when they are many of the set, else draws until enough differ (Redis's cases 3 and 4).</summary>
    private static Reply[] Distinct(SetValue set, int count, Random random)
    {
        var size = (int)set.Count;
        var replies = new Reply[count];
        if ((long)count * 3 > size)
        {
            var positions = new int[size];
            for (var i = 0; i < size; i++)
            {
                positions[i] = i;
            }

            for (var i = 0; i < count; i++)
            {
                var j = random.Next(i, size);
                (positions[i], positions[j]) = (positions[j], positions[i]);
                replies[i] = Reply.Bulk(set.MemberAt(positions[i]));
            }

            return replies;
        }

        var chosen = new HashSet<int>(count);
        var added = 0;
        while (added < count)
        {
            var position = set.RandomPosition(random);
            if (chosen.Add(position))
            {
                replies[added++] = Reply.Bulk(set.MemberAt(position));
            }
        }

        return replies;
    }
}
