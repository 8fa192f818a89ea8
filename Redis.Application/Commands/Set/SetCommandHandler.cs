using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Set;

/// <summary>Stores the value, honouring NX/XX, GET, KEEPTTL and the expiry options in Redis's order (<c>setGenericCommand</c>).</summary>
public sealed class SetCommandHandler(Keyspace keyspace, TimeProvider time) : IRequestHandler<SetCommand, Reply>
{
    public ValueTask<Reply> Handle(SetCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var expiry = request.EffectiveExpiry;
        var expiresAt = Entry.NoExpiry;

        // The validator bounded the number; adding "now" can still overflow, which Redis reports the same way.
        if (expiry.HasTime && !expiry.TryGetExpiresAt(now, out expiresAt))
        {
            return new(Reply.Error(Errors.InvalidExpireTime(request.CommandName)));
        }

        var key = request.Key.Span;
        var oldValue = Reply.Nil;
        if (request.ReturnOldValue && keyspace.TryRead(key, now, out var old))
        {
            // A copy: storing a value of the same size below writes over the old bytes.
            oldValue = Reply.Bulk(old.Value.ToArray());
        }

        var exists = keyspace.TryGet(key, now, out var current);
        if ((request.Condition == SetCondition.Nx && exists) || (request.Condition == SetCondition.Xx && !exists))
        {
            return new(request.ReturnOldValue ? oldValue : request.RepliesWithInteger ? Reply.Zero : Reply.Nil);
        }

        if (expiry.Kind == ExpiryKind.KeepTtl && exists)
        {
            expiresAt = current.ExpiresAt;
        }

        keyspace.Set(key, request.Value.Span, expiresAt);
        return new(request.ReturnOldValue ? oldValue : request.RepliesWithInteger ? Reply.One : Reply.Ok);
    }
}
