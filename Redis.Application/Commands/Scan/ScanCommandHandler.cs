using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Scan;

/// <summary>One step of the iteration: the next cursor (0 when done) and the keys visited that pass MATCH and TYPE.</summary>
/// <remarks>
/// As in Redis, COUNT is the work done, not the number of keys answered: with MATCH a step may answer none and
/// still return a cursor to go on with. Every key present for the whole iteration is answered at least once
/// (see <see cref="Keyspace.Scan"/>).
/// </remarks>
public sealed class ScanCommandHandler(TimeProvider time) : IRequestHandler<ScanCommand, Reply>
{
    public ValueTask<Reply> Handle(ScanCommand request, CancellationToken cancellationToken)
    {
        var keys = new List<Reply>();
        var pattern = request.Pattern;
        // Redis 7.0 compares each key's type name with the filter, so a name that is no type matches nothing.
        var filter = request.Type;
        var cursor = request.Cursor > long.MaxValue ? 0 : (long)request.Cursor;
        var count = (int)Math.Min(request.Count, int.MaxValue);
        var next = request.Keyspace.Scan(cursor, count, time.GetUnixMilliseconds(), (key, type) =>
        {
            if ((filter is null || System.Text.Ascii.EqualsIgnoreCase(filter.Value.Span, KeyTypeNames.Of(type))) && (pattern is null || GlobPattern.IsMatch(pattern.Value.Span, key.Span)))
            {
                keys.Add(Reply.Bulk(key));
            }
        });

        return new(Reply.Array([Reply.Bulk(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), Reply.Array([.. keys])]));
    }
}
