using Mediator;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Expire;

/// <summary>Sets a key's expiry instant under the NX/XX/GT/LT rules, in Redis's order (<c>expireGenericCommand</c>).</summary>
public sealed class ExpireCommandHandler(TimeProvider time, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<ExpireCommand, Reply>
{
    public ValueTask<Reply> Handle(ExpireCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        // ExpireCommandValidator has bounded the seconds, so they count in milliseconds; adding now is checked here.
        var milliseconds = request.InMilliseconds ? request.Seconds : request.Seconds * 1000;
        var baseTime = request.Absolute ? 0 : now;
        if (milliseconds > long.MaxValue - baseTime)
        {
            return new(Reply.Error(Errors.InvalidExpireTime(request.CommandName)));
        }

        // long.MaxValue is the keyspace's "no expiry"; an instant 292 million years away loses one millisecond instead.
        var when = Math.Min(milliseconds + baseTime, Entry.NoExpiry - 1);
        var key = request.Key.Span;
        if (!request.Keyspace.TryGetExpiry(key, now, out var expiresAt))
        {
            return new(Reply.Zero);
        }

        var entry = new Entry(default, expiresAt);

        // Redis's order: NX, XX, then GT and LT, where a key without expiry counts as living forever.
        var condition = request.Condition;
        var allowed =
            !(condition.HasFlag(ExpireCondition.Nx) && entry.HasExpiry) &&
            !(condition.HasFlag(ExpireCondition.Xx) && !entry.HasExpiry) &&
            !(condition.HasFlag(ExpireCondition.Gt) && (!entry.HasExpiry || when <= entry.ExpiresAt)) &&
            !(condition.HasFlag(ExpireCondition.Lt) && entry.HasExpiry && when >= entry.ExpiresAt);
        if (!allowed)
        {
            return new(Reply.Zero);
        }

        // A time at or before now deletes the key and still answers 1, as Redis does; either is logged with the instant.
        var deleted = request.Keyspace.HasPassed(when, now);
        request.Keyspace.SetExpiry(key, when, now);
        events.Notify(KeyspaceEventClasses.Generic, deleted ? KeyspaceEventNames.Del : KeyspaceEventNames.Expire, key, request.Keyspace.Index);
        propagation.ReplaceWithExpiry(key, deleted ? null : when);
        return new(Reply.One);
    }
}
