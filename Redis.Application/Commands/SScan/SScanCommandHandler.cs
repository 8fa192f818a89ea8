using System.Globalization;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SScan;

/// <summary>
/// One step of the iteration (see <see cref="SetValue.Scan"/>): an intset answers every member and cursor 0 at
/// once, as Redis; a hashtable visits COUNT members, every member present for the whole scan being answered at
/// least once. A missing key answers an empty scan, whatever the options.
/// </summary>
public sealed class SScanCommandHandler(TimeProvider time) : IRequestHandler<SScanCommand, Reply>
{
    private static readonly Reply EmptyScan = Reply.Array([Reply.Bulk("0"), Reply.EmptyArray]);

    public ValueTask<Reply> Handle(SScanCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set))
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

        var visited = new List<byte[]>();
        var cursor = request.Cursor > long.MaxValue ? 0 : (long)request.Cursor;
        var next = set!.Scan(cursor, (int)Math.Min(request.Options.Count, int.MaxValue), visited);
        var pattern = request.Options.Pattern;
        var items = new List<Reply>(visited.Count);
        foreach (var member in visited)
        {
            if (pattern is null || GlobPattern.IsMatch(pattern.Value.Span, member))
            {
                items.Add(Reply.Bulk(member));
            }
        }

        return new(Reply.Array([Reply.Bulk(next.ToString(CultureInfo.InvariantCulture)), Reply.Array([.. items])]));
    }
}
