using Mediator;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Set;

/// <summary>Stores the value, honouring NX/XX, GET, KEEPTTL and the expiry options in Redis's order (<c>setGenericCommand</c>).</summary>
public sealed class SetCommandHandler(TimeProvider time, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<SetCommand, Reply>
{
    public ValueTask<Reply> Handle(SetCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var expiry = request.Expiry;
        var expiresAt = Entry.NoExpiry;

        // SetCommandValidator has checked the range; adding "now" can still overflow, which Redis reports the same way.
        if (expiry.HasTime && !expiry.TryGetExpiresAt(now, out expiresAt))
        {
            return new(Reply.Error(Errors.InvalidExpireTime(request.CommandName)));
        }

        var key = request.Key.Span;

        // GET reads the key as GET does, counting a hit or a miss (Redis's getGenericCommand), before NX and XX decide;
        // without GET the value is not needed, so the lookup hands out no view and the new value may go over the old.
        Entry current = default;
        var currentExpiry = Entry.NoExpiry;
        var lookup = request.ReturnOldValue
            ? request.Keyspace.Read(key, now, out current)
            : request.Keyspace.Peek(key, now, out currentExpiry, out _);
        if (request.ReturnOldValue)
        {
            // getGenericCommand answers WRONGTYPE before anything is set; plain SET replaces a value of any type.
            if (lookup == KeyLookup.WrongType)
            {
                return new(Errors.WrongType);
            }

            currentExpiry = current.ExpiresAt;
        }

        var exists = lookup != KeyLookup.Missing;

        if ((request.Condition == SetCondition.Nx && exists) || (request.Condition == SetCondition.Xx && !exists))
        {
            return new(request.ReturnOldValue ? (exists ? Reply.Bulk(current.Value) : Reply.Nil)
                : request.RepliesWithInteger ? Reply.Zero : Reply.Nil);
        }

        if (expiry.Kind == ExpiryKind.KeepTtl && exists)
        {
            expiresAt = currentExpiry;
        }

        if (request.ReturnOldValue)
        {
            var replacedLive = request.Keyspace.Exchange(key, request.Value.Span, expiresAt, now, out var replaced) == KeyLookup.Found;
            Notify(request, expiry, expiresAt);
            return new(replacedLive ? Reply.Bulk(replaced) : Reply.Nil);
        }

        request.Keyspace.Set(key, request.Value.Span, expiresAt);
        Notify(request, expiry, expiresAt);
        return new(request.RepliesWithInteger ? Reply.One : Reply.Ok);
    }

    // setGenericCommand: "set", then "expire" when an expiry option gave a time, which is logged as SET key value PXAT instant.
    private void Notify(SetCommand request, ExpiryOption expiry, long expiresAt)
    {
        if (expiry.HasTime && propagation.IsActive)
        {
            propagation.Replace(CommandPropagation.Set, request.Key.ToArray(), request.Value.ToArray(), "PXAT"u8.ToArray(), CommandPropagation.Number(expiresAt));
        }

        var db = request.Keyspace.Index;
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Set, request.Key.Span, db);
        if (expiry.HasTime)
        {
            events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Expire, request.Key.Span, db);
        }
    }
}
