using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRem;

/// <summary>The number of members removed; the key goes with its last member (Redis's <c>zremCommand</c>).</summary>
public sealed class ZRemCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<ZRemCommand, Reply>
{
    public ValueTask<Reply> Handle(ZRemCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var keyspace = request.Keyspace;
        switch (keyspace.Get(key, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Zero);
        }

        long deleted = 0;
        foreach (var member in request.Members)
        {
            if (set!.Remove(member.Span))
            {
                deleted++;
            }

            if (set.Count == 0)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            events.Shrunk(keyspace, key, set!, KeyspaceEventClasses.SortedSet, KeyspaceEventNames.ZRem);
        }

        return new(Reply.Integer(deleted));
    }
}
