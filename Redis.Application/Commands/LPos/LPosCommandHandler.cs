using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LPos;

/// <summary>
/// The index of the rank-th match (a negative rank searches from the tail), scanning at most MAXLEN elements (0: all);
/// with COUNT an array of up to COUNT indexes (0: all matches). Redis's <c>lposCommand</c>.
/// </summary>
public sealed class LPosCommandHandler(TimeProvider time) : IRequestHandler<LPosCommand, Reply>
{
    public ValueTask<Reply> Handle(LPosCommand request, CancellationToken cancellationToken)
    {
        var withCount = request.Count != -1;
        var lookup = request.Keyspace.Read<ListValue>(request.Key.Span, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : withCount ? Reply.EmptyArray : Reply.Nil);
        }

        var fromTail = request.Rank < 0;
        var rank = fromTail ? (request.Rank == long.MinValue ? long.MaxValue : -request.Rank) : request.Rank;
        var element = request.Element.Span;
        var length = list!.Length;
        var scan = request.MaxLen == 0 ? length : (int)Math.Min(request.MaxLen, length);
        var matches = 0L;
        List<Reply>? indexes = withCount ? [] : null;
        for (var i = 0; i < scan; i++)
        {
            var position = fromTail ? length - 1 - i : i;
            if (!element.SequenceEqual(list[position]) || ++matches < rank)
            {
                continue;
            }

            if (indexes is null)
            {
                return new(Reply.Integer(position));
            }

            indexes.Add(Reply.Integer(position));
            if (request.Count != 0 && indexes.Count >= request.Count)
            {
                break;
            }
        }

        return new(indexes is null ? Reply.Nil : Reply.Array([.. indexes]));
    }
}
