using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetEx;

/// <summary>Answers the value, then sets, keeps or removes its TTL; an absolute time already past deletes the key (Redis's <c>getexCommand</c>).</summary>
/// <remarks>Redis's order: look the key up (nil when missing), then read and check the time, then change the TTL.</remarks>
public sealed class GetExCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<GetExCommand, Reply>
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

            request.Keyspace.SetExpiry(key, Math.Min(expiresAt, Entry.NoExpiry - 1), now);
            events.Notify(KeyspaceEventClasses.Generic, expiresAt <= now ? KeyspaceEventNames.Del : KeyspaceEventNames.Expire, key, request.Keyspace.Index);
        }

        return new(Reply.Bulk(entry.Value));
    }
}
