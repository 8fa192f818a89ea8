using System.Globalization;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZScan;

/// <summary>
/// One step of a sorted set's scan: the next cursor and member, score pairs (scores as bulk strings in both
/// protocols). A listpack answers everything at once; a skiplist walks its dense node array (ADR 0013).
/// </summary>
public sealed class ZScanCommandHandler(TimeProvider time) : IRequestHandler<ZScanCommand, Reply>
{
    private static readonly Reply EmptyScan = Reply.Array([Reply.Bulk("0"u8.ToArray()), Reply.EmptyArray]);

    public ValueTask<Reply> Handle(ZScanCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(EmptyScan);
        }

        if (request.OptionsError is { } error)
        {
            return new(error);
        }

        var items = new List<Reply>();
        var pattern = request.Pattern;
        var listpack = !set!.IsSkipList;
        var next = set.Scan(request.Cursor, request.Count, entry =>
        {
            if (pattern is null || GlobPattern.IsMatch(pattern.Value.Span, entry.Member))
            {
                items.Add(Reply.Bulk(entry.Member));
                items.Add(Reply.Bulk(FormatScore(entry.Score, listpack)));
            }
        });

        return new(Reply.Array([Reply.Bulk(next.ToString(CultureInfo.InvariantCulture)), Reply.Array([.. items])]));
    }

    /// <summary>
    /// A listpack holds its scores as Redis's <c>d2string</c> wrote them (a whole number up to 2^62 as an integer);
    /// a skiplist's are printed with <c>%.17Lg</c>, as <c>RedisDouble</c> formats.
    /// </summary>
    internal static string FormatScore(double score, bool listpack)
    {
        const double SafeInteger = 4611686018427387904d; // LLONG_MAX / 2, double2ll's bound
        if (listpack && score >= -SafeInteger && score <= SafeInteger && score == Math.Floor(score) && !(score == 0 && double.IsNegative(score)))
        {
            return ((long)score).ToString(CultureInfo.InvariantCulture);
        }

        return RedisDouble.Format(score);
    }
}
