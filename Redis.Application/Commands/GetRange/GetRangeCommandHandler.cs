using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetRange;

/// <summary>Clamps the offsets as Redis's <c>getrangeCommand</c> does; a missing key or an empty range answers an empty string.</summary>
public sealed class GetRangeCommandHandler(TimeProvider time) : IRequestHandler<GetRangeCommand, Reply>
{
    private static readonly Reply Empty = Reply.Bulk([]);

    public ValueTask<Reply> Handle(GetRangeCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Empty);
        }

        long start = request.Start, end = request.End, length = entry.Value.Length;
        if (start < 0 && end < 0 && start > end)
        {
            return new(Empty);
        }

        if (start < 0)
        {
            start = Math.Max(0, length + start);
        }

        if (end < 0)
        {
            end = Math.Max(0, length + end);
        }

        end = Math.Min(end, length - 1);
        if (start > end || length == 0)
        {
            return new(Empty);
        }

        // The reply is encoded before any other command runs, so it can share the stored bytes.
        return new(Reply.Bulk(entry.Value.Slice((int)start, (int)(end - start + 1))));
    }
}
