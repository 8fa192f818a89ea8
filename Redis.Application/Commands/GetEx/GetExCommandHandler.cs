using Mediator;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetEx;

/// <summary>Answers the value, then sets, keeps or removes its TTL; an absolute time already past deletes the key (Redis's <c>getexCommand</c>).</summary>
/// <remarks>Redis's order: look the key up (nil when missing), then read and check the time, then change the TTL.</remarks>
public sealed class GetExCommandHandler(TimeProvider time, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<GetExCommand, Reply>
{
    private static readonly Reply InvalidExpireTime = Reply.Error(Errors.InvalidExpireTime("getex"));

    public ValueTask<Reply> Handle(GetExCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var lookup = request.Keyspace.Read(key, now, out var entry);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Nil);
        }

        if (request.Kind == ExpiryKind.Persist)
        {
            if (request.Keyspace.Persist(key, now))
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Persist, key, request.Keyspace.Index);
                propagation.Replace(CommandPropagation.Persist, key.ToArray());
            }
        }
        else if (request.Kind != ExpiryKind.None)
        {
            if (!RedisInteger.TryParse(request.Time.Span, out var number))
            {
                return new(Errors.NotAnInteger);
            }

            var expiry = new ExpiryOption(request.Kind, number);
            if (!expiry.IsInRange || !expiry.TryGetExpiresAt(now, out var expiresAt))
            {
                return new(InvalidExpireTime);
            }

            // Redis's getexCommand: never logged as GETEX, but as the PEXPIREAT, DEL or PERSIST it came to.
            expiresAt = Math.Min(expiresAt, Entry.NoExpiry - 1);
            var deleted = request.Keyspace.HasPassed(expiresAt, now);
            request.Keyspace.SetExpiry(key, expiresAt, now);
            events.Notify(KeyspaceEventClasses.Generic, deleted ? KeyspaceEventNames.Del : KeyspaceEventNames.Expire, key, request.Keyspace.Index);
            propagation.ReplaceWithExpiry(key, deleted ? null : expiresAt);
        }

        return new(Reply.Bulk(entry.Value));
    }
}
