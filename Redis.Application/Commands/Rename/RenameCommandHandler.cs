using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Rename;

/// <summary>Moves the value and its TTL to the new name, replacing what was there; a missing key is an error.</summary>
/// <remarks>
/// Redis's order: the source must exist ("no such key"); renaming a key to itself answers OK (RENAME) or 0 (RENAMENX)
/// and changes nothing; RENAMENX answers 0 when the new name is taken.
/// </remarks>
public sealed class RenameCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<RenameCommand, Reply>
{
    public ValueTask<Reply> Handle(RenameCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var newKey = request.NewKey.Span;
        if (!request.Keyspace.Exists(key, now))
        {
            return new(Errors.NoSuchKey);
        }

        var nx = request.OnlyIfNewKeyMissing;
        if (key.SequenceEqual(newKey))
        {
            return new(nx ? Reply.Zero : Reply.Ok);
        }

        if (nx && request.Keyspace.Exists(newKey, now))
        {
            return new(Reply.Zero);
        }

        request.Keyspace.Rename(key, newKey, now);
        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.RenameFrom, key, request.Keyspace.Index);
        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.RenameTo, newKey, request.Keyspace.Index);
        return new(nx ? Reply.One : Reply.Ok);
    }
}
