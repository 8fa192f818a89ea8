using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HDel;

/// <summary>Removes the fields the hash has and answers how many; the key goes with its last field (<c>hdel</c> then <c>del</c>).</summary>
public sealed class HDelCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<HDelCommand, Reply>
{
    public ValueTask<Reply> Handle(HDelCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<HashValue>(key, time.GetUnixMilliseconds(), out var hash);
        if (hash is null)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Zero);
        }

        var deleted = 0;
        foreach (var name in request.Fields)
        {
            if (hash.Remove(name.Span))
            {
                deleted++;
                if (hash.Length == 0)
                {
                    break;
                }
            }
        }

        if (deleted > 0)
        {
            events.Shrunk(request.Keyspace, key, hash, KeyspaceEventClasses.Hash, KeyspaceEventNames.HDel);
        }

        return new(Reply.Integer(deleted));
    }
}
