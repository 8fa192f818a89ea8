using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.MSet;

/// <summary>Sets every pair, clearing any TTL, as <c>SET</c> without options does; a later pair wins over an earlier one.</summary>
public sealed class MSetCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<MSetCommand, Reply>
{
    public ValueTask<Reply> Handle(MSetCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var pairs = request.Pairs;
        if (request.OnlyIfNoneExist)
        {
            for (var i = 0; i < pairs.Length; i += 2)
            {
                if (request.Keyspace.Exists(pairs[i].Span, now))
                {
                    return new(Reply.Zero);
                }
            }
        }

        for (var i = 0; i < pairs.Length; i += 2)
        {
            request.Keyspace.Set(pairs[i].Span, pairs[i + 1].Span);
            events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Set, pairs[i].Span, request.Keyspace.Index);
        }

        return new(request.OnlyIfNoneExist ? Reply.One : Reply.Ok);
    }
}
