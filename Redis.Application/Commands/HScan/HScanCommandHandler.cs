using System.Globalization;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HScan;

/// <summary>One step of the iteration over a hash: the next cursor (0 when done) and the fields visited that pass MATCH, each with its value.</summary>
/// <remarks>
/// A listpack hash answers everything in one step with cursor 0, as Redis does. A hashtable walks its dense arrays down
/// from the cursor (<see cref="HashValue.ScanStep"/>), so every field present for the whole iteration is answered at
/// least once. A missing key answers an empty scan, even with bad options.
/// </remarks>
public sealed class HScanCommandHandler(TimeProvider time) : IRequestHandler<HScanCommand, Reply>
{
    private static readonly Reply EmptyScan = Reply.Array([Reply.Bulk("0"), Reply.EmptyArray]);

    public ValueTask<Reply> Handle(HScanCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash);
        if (hash is null)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : EmptyScan);
        }

        if (request.OptionsError is { } error)
        {
            return new(error);
        }

        var items = new List<Reply>();
        long next = 0;
        if (hash.IsListpack)
        {
            for (var i = 0; i < hash.Length; i++)
            {
                AddIfMatches(items, hash, i, request.Pattern);
            }
        }
        else
        {
            var cursor = request.Cursor > long.MaxValue ? 0 : (long)request.Cursor;
            next = hash.ScanStep(cursor, request.Count, out var from, out var to);
            for (var i = to - 1; i >= from; i--)
            {
                AddIfMatches(items, hash, i, request.Pattern);
            }
        }

        return new(Reply.Array([Reply.Bulk(next.ToString(CultureInfo.InvariantCulture)), Reply.Array([.. items])]));
    }

    private static void AddIfMatches(List<Reply> items, HashValue hash, int position, ReadOnlyMemory<byte>? pattern)
    {
        var name = hash.FieldAt(position);
        if (pattern is null || GlobPattern.IsMatch(pattern.Value.Span, name))
        {
            items.Add(Reply.Bulk(name));
            items.Add(Reply.Bulk(hash.ValueAt(position)));
        }
    }
}
