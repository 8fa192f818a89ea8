using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRange;

/// <summary>
/// Redis's <c>zrangeGenericCommand</c> up to the key lookup, shared by the seven binders: the options after
/// <c>min max</c>, the conflicts between them, then the range, in that order.
/// </summary>
internal static class ZRangeParser
{
    /// <param name="kind">The command's fixed selection, or null where <c>BYSCORE</c>/<c>BYLEX</c> may choose (<c>ZRANGE</c>, <c>ZRANGESTORE</c>).</param>
    /// <param name="reverse">The command's fixed direction, or null where <c>REV</c> may choose.</param>
    public static BindResult Parse(ref ArgCursor args, bool store, ZRangeKind? kind, bool? reverse)
    {
        var keyspace = args.Keyspace;
        var resp3 = args.Session.Protocol == RespVersion.Resp3;
        ReadOnlyMemory<byte>? destination = store ? args.NextMemory() : (ReadOnlyMemory<byte>?)null;
        var source = args.NextMemory();
        var min = args.NextMemory();
        var max = args.NextMemory();
        var withScores = false;
        long offset = 0, limit = -1;
        while (args.HasMore)
        {
            if (!store && args.PeekIs("WITHSCORES"u8))
            {
                args.Skip();
                withScores = true;
            }
            else if (args.Remaining >= 3 && args.PeekIs("LIMIT"u8))
            {
                args.Skip();
                if (!args.TryNextInt64(out offset) || !args.TryNextInt64(out limit))
                {
                    return Errors.NotAnInteger;
                }
            }
            else if (reverse is null && args.PeekIs("REV"u8))
            {
                args.Skip();
                reverse = true;
            }
            else if (kind is null && args.PeekIs("BYLEX"u8))
            {
                args.Skip();
                kind = ZRangeKind.Lex;
            }
            else if (kind is null && args.PeekIs("BYSCORE"u8))
            {
                args.Skip();
                kind = ZRangeKind.Score;
            }
            else
            {
                return Errors.Syntax;
            }
        }

        var selection = kind ?? ZRangeKind.Rank;
        var backwards = reverse ?? false;
        if (limit != -1 && selection == ZRangeKind.Rank)
        {
            return Errors.ZRangeLimitNeedsBy;
        }

        if (withScores && selection == ZRangeKind.Lex)
        {
            return Errors.ZRangeWithScoresByLex;
        }

        if (backwards && selection != ZRangeKind.Rank)
        {
            (min, max) = (max, min);
        }

        long start = 0, end = 0;
        ZScoreRange scores = default;
        ZLexRange lex = default;
        switch (selection)
        {
            case ZRangeKind.Rank:
                if (!RedisInteger.TryParse(min.Span, out start) || !RedisInteger.TryParse(max.Span, out end))
                {
                    return Errors.NotAnInteger;
                }

                break;
            case ZRangeKind.Score:
                if (!ZScoreRange.TryParse(min.Span, max.Span, out scores))
                {
                    return Errors.ZMinMaxNotFloat;
                }

                break;
            default:
                if (!ZLexRange.TryParse(min, max, out lex))
                {
                    return Errors.ZMinMaxNotLex;
                }

                break;
        }

        return new BindResult(new ZRangeCommand(
            keyspace, source, destination, selection, backwards, start, end, scores, lex, offset, limit, withScores || store, resp3));
    }
}
