using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SRem;

/// <summary>How many members were removed (Redis's <c>sremCommand</c>); the key goes with its last member.</summary>
public sealed class SRemCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<SRemCommand, Reply>
{
    public ValueTask<Reply> Handle(SRemCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        switch (request.Keyspace.Get<SetValue>(key, time.GetUnixMilliseconds(), out var set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Zero);
        }

        var removed = 0L;
        foreach (var member in request.Members)
        {
            if (set!.Remove(member.Span))
            {
                removed++;
                if (set.Count == 0)
                {
                    break;
                }
            }
        }

        if (removed > 0)
        {
            events.Shrunk(request.Keyspace, key, set!, KeyspaceEventClasses.Set, KeyspaceEventNames.SRem);
        }

        return new(Reply.Integer(removed));
    }
}
