using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZAdd;

/// <remarks>Redis's <c>zaddGenericCommand</c>: the options, the pairs' count, the incompatible options, then every score.</remarks>
internal sealed class ZAddCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zadd", -4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new(
            "key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]",
            "Add one or more members to a sorted set, or update its score if it already exists",
            "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, ZAddOptions.None);

    /// <summary>The shared parser of <c>ZADD</c> and <c>ZINCRBY</c> (which starts with <see cref="ZAddOptions.Incr"/> and reads options too, as Redis does).</summary>
    internal static BindResult Parse(ref ArgCursor args, ZAddOptions options)
    {
        var keyspace = args.Keyspace;
        var key = args.NextMemory();
        var changed = false;
        while (args.HasMore)
        {
            if (args.PeekIs("NX"u8))
            {
                options |= ZAddOptions.Nx;
            }
            else if (args.PeekIs("XX"u8))
            {
                options |= ZAddOptions.Xx;
            }
            else if (args.PeekIs("CH"u8))
            {
                changed = true;
            }
            else if (args.PeekIs("INCR"u8))
            {
                options |= ZAddOptions.Incr;
            }
            else if (args.PeekIs("GT"u8))
            {
                options |= ZAddOptions.Gt;
            }
            else if (args.PeekIs("LT"u8))
            {
                options |= ZAddOptions.Lt;
            }
            else
            {
                break;
            }

            args.Skip();
        }

        var elements = args.Remaining;
        if (elements == 0 || elements % 2 != 0)
        {
            return Errors.Syntax;
        }

        elements /= 2;
        bool Has(ZAddOptions option) => (options & option) != 0;
        if (Has(ZAddOptions.Nx) && Has(ZAddOptions.Xx))
        {
            return Errors.ZAddXxAndNx;
        }

        if ((Has(ZAddOptions.Gt) && Has(ZAddOptions.Nx)) || (Has(ZAddOptions.Lt) && Has(ZAddOptions.Nx)) || (Has(ZAddOptions.Gt) && Has(ZAddOptions.Lt)))
        {
            return Errors.ZAddGtLtNx;
        }

        if (Has(ZAddOptions.Incr) && elements > 1)
        {
            return Errors.ZAddIncrSinglePair;
        }

        var scores = new double[elements];
        var members = new ReadOnlyMemory<byte>[elements];
        for (var i = 0; i < elements; i++)
        {
            if (!ZScoreParser.TryParse(args.NextSpan(), out scores[i]))
            {
                return Errors.NotAFloat;
            }

            members[i] = args.NextMemory();
        }

        return new BindResult(new ZAddCommand(keyspace, key, options, changed, scores, members));
    }
}
