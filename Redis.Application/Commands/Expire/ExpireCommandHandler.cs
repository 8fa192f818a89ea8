using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Expire;

public sealed class ExpireCommandHandler(Keyspace keyspace, TimeProvider time) : IRequestHandler<ExpireCommand, Reply>
{
    private static readonly Reply InvalidExpireTime = Reply.Error(Errors.InvalidExpireTime("expire"));

    public ValueTask<Reply> Handle(ExpireCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var milliseconds = request.Seconds * 1000;
        if (milliseconds > long.MaxValue - now)
        {
            return new(InvalidExpireTime);
        }

        var when = now + milliseconds;
        var key = request.Key.Span;
        if (!keyspace.TryGet(key, now, out var entry))
        {
            return new(Reply.Zero);
        }

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

        // A time at or before now deletes the key and still answers 1, as Redis does.
        keyspace.SetExpiry(key, when, now);
        return new(Reply.One);
    }
}
