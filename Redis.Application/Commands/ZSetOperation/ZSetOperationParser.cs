using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZSetOperation;

/// <summary>Redis's <c>zunionInterDiffGenericCommand</c> parsing, shared by the seven binders.</summary>
internal static class ZSetOperationParser
{
    public static BindResult Parse(ref ArgCursor args, string name, bool store, ZSetOperationKind operation, bool cardinalityOnly = false)
    {
        var keyspace = args.Keyspace;
        var resp3 = args.Session.Protocol == RespVersion.Resp3;
        ReadOnlyMemory<byte>? destination = store ? args.NextMemory() : (ReadOnlyMemory<byte>?)null;
        if (!args.TryNextInt64(out var setCount))
        {
            return Errors.NotAnInteger;
        }

        if (setCount < 1)
        {
            return Errors.ZAtLeastOneInputKey(name);
        }

        if (setCount > args.Remaining)
        {
            return Errors.Syntax;
        }

        var keys = new ReadOnlyMemory<byte>[setCount];
        var weights = new double[setCount];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
            weights[i] = 1;
        }

        var aggregate = ZAggregate.Sum;
        var withScores = false;
        long limit = 0;
        var error = ParseOptions(ref args, store, operation, cardinalityOnly, weights, ref aggregate, ref withScores, ref limit);
        return new(new ZSetOperationCommand(
            keyspace, destination, operation, cardinalityOnly, keys, weights, aggregate, withScores, limit, resp3, error));
    }

    private static Reply? ParseOptions(
        ref ArgCursor args, bool store, ZSetOperationKind operation, bool cardinalityOnly, double[] weights,
        ref ZAggregate aggregate, ref bool withScores, ref long limit)
    {
        var combining = operation != ZSetOperationKind.Diff && !cardinalityOnly;
        while (args.HasMore)
        {
            if (combining && args.Remaining >= weights.Length + 1 && args.NextIs("WEIGHTS"u8))
            {
                for (var i = 0; i < weights.Length; i++)
                {
                    if (!ZScoreParser.TryParse(args.NextSpan(), out weights[i]))
                    {
                        return Errors.ZWeightNotFloat;
                    }
                }
            }
            else if (combining && args.Remaining >= 2 && args.NextIs("AGGREGATE"u8))
            {
                if (args.NextIs("SUM"u8))
                {
                    aggregate = ZAggregate.Sum;
                }
                else if (args.NextIs("MIN"u8))
                {
                    aggregate = ZAggregate.Min;
                }
                else if (args.NextIs("MAX"u8))
                {
                    aggregate = ZAggregate.Max;
                }
                else
                {
                    return Errors.Syntax;
                }
            }
            else if (!store && !cardinalityOnly && args.NextIs("WITHSCORES"u8))
            {
                withScores = true;
            }
            else if (cardinalityOnly && args.Remaining >= 2 && args.NextIs("LIMIT"u8))
            {
                if (!args.TryNextInt64(out limit) || limit < 0)
                {
                    return Errors.LimitNegative;
                }
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return null;
    }
}
