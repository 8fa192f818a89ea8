using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HRandField;

/// <summary>Random fields, as Redis's <c>hrandfieldCommand</c> picks them.</summary>
/// <remarks>
/// Without a count: one field, or nil. A negative count (or 1): that many independent picks, which may repeat. A positive
/// count at least the hash's size: the whole hash in its order. A smaller positive count: that many distinct fields, by
/// a partial Fisher-Yates shuffle of the positions when the count is a large share of the hash, else by drawing
/// positions until enough distinct ones are met (Redis's CASE 3 and CASE 4). A count whose reply could not be held in
/// one array answers <c>ERR value is out of range</c>, where Redis would try to stream it.
/// </remarks>
public sealed class HRandFieldCommandHandler(TimeProvider time) : IRequestHandler<HRandFieldCommand, Reply>
{
    /// <summary>Redis's <c>HRANDFIELD_SUB_STRATEGY_MUL</c>.</summary>
    private const int SubStrategyMultiplier = 3;

    public ValueTask<Reply> Handle(HRandFieldCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (request.Count is not { } count)
        {
            return new(hash is null ? Reply.Nil : Reply.Bulk(hash.FieldAt(Random.Shared.Next(hash.Length))));
        }

        if (hash is null || count == 0)
        {
            return new(Reply.EmptyArray);
        }

        var size = hash.Length;
        var picks = Math.Abs(count);
        var flat = request.WithValues && !request.Resp3;
        var repeating = count < 0 || count == 1;
        if (repeating && picks > (flat ? Array.MaxLength / 2 : Array.MaxLength))
        {
            return new(Errors.ValueOutOfRange);
        }

        var reply = new ReplyBuilder(hash, request.WithValues, request.Resp3, (int)(repeating ? picks : Math.Min(picks, size)));
        if (repeating)
        {
            for (var i = 0L; i < picks; i++)
            {
                reply.Add(Random.Shared.Next(size));
            }
        }
        else if (count >= size)
        {
            for (var i = 0; i < size; i++)
            {
                reply.Add(i);
            }
        }
        else if (count * SubStrategyMultiplier > size)
        {
            var positions = new int[size];
            for (var i = 0; i < size; i++)
            {
                positions[i] = i;
            }

            for (var i = 0; i < count; i++)
            {
                var j = Random.Shared.Next(i, size);
                (positions[i], positions[j]) = (positions[j], positions[i]);
                reply.Add(positions[i]);
            }
        }
        else
        {
            var chosen = new HashSet<int>((int)count);
            while (chosen.Count < count)
            {
                var position = Random.Shared.Next(size);
                if (chosen.Add(position))
                {
                    reply.Add(position);
                }
            }
        }

        return new(reply.Build());
    }

    /// <summary>Collects the picked positions in the reply's shape: fields, flat field-value pairs (RESP2) or nested pairs (RESP3).</summary>
    private struct ReplyBuilder(HashValue hash, bool withValues, bool resp3, int picks)
    {
        private readonly Reply[] _items = new Reply[withValues && !resp3 ? 2 * picks : picks];
        private int _next;

        public void Add(int position)
        {
            var name = Reply.Bulk(hash.FieldAt(position));
            if (!withValues)
            {
                _items[_next++] = name;
            }
            else if (resp3)
            {
                _items[_next++] = Reply.Array([name, Reply.Bulk(hash.ValueAt(position))]);
            }
            else
            {
                _items[_next++] = name;
                _items[_next++] = Reply.Bulk(hash.ValueAt(position));
            }
        }

        public readonly Reply Build() => Reply.Array(_items);
    }
}
