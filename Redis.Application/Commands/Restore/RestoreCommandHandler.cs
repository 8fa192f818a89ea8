using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Restore;

/// <summary>
/// Redis's <c>restoreCommand</c>, in its order: a live key without <c>REPLACE</c> is busy; then the TTL (milliseconds,
/// 0 for none, an instant with <c>ABSTTL</c>); then the payload's version and checksum, then its value. A TTL already
/// past stores nothing and answers <c>OK</c> (deleting the old key under <c>REPLACE</c>).
/// </summary>
public sealed class RestoreCommandHandler(TimeProvider time, IValueSerializer serializer, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<RestoreCommand, Reply>
{
    public ValueTask<Reply> Handle(RestoreCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var keyspace = request.Keyspace;
        var key = request.Key.Span;
        if (!request.Replace && keyspace.Exists(key, now))
        {
            return new(Errors.BusyKey);
        }

        if (!RedisInteger.TryParse(request.Ttl.Span, out var ttl))
        {
            return new(Errors.NotAnInteger);
        }

        if (ttl < 0)
        {
            return new(Errors.InvalidRestoreTtl);
        }

        switch (serializer.TryRestore(request.Payload.Span, out var value, out var text))
        {
            case RestoreOutcome.VersionOrChecksumWrong:
                return new(Errors.DumpPayloadWrong);
            case RestoreOutcome.BadData:
                return new(Errors.BadDataFormat);
        }

        var deleted = request.Replace && keyspace.Remove(key, now);
        if (ttl != 0 && !request.AbsoluteTtl)
        {
            ttl += now;
        }

        if (ttl != 0 && keyspace.HasPassed(ttl, now))
        {
            if (deleted)
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key, keyspace.Index);
                propagation.Replace(CommandPropagation.Del, key.ToArray());
            }

            return new(Reply.Ok);
        }

        // Redis's restoreCommand logs a relative TTL as the instant it came to, with ABSTTL.
        if (ttl != 0 && !request.AbsoluteTtl && propagation.IsActive)
        {
            propagation.Replace(request.Replace
                ? ["RESTORE"u8.ToArray(), key.ToArray(), CommandPropagation.Number(ttl), request.Payload.ToArray(), "REPLACE"u8.ToArray(), "ABSTTL"u8.ToArray()]
                : ["RESTORE"u8.ToArray(), key.ToArray(), CommandPropagation.Number(ttl), request.Payload.ToArray(), "ABSTTL"u8.ToArray()]);
        }

        var expiresAt = ttl == 0 ? Entry.NoExpiry : ttl;
        if (value is not null)
        {
            keyspace.Set(key, value, expiresAt);
        }
        else
        {
            keyspace.Set(key, text, expiresAt);
        }

        keyspace.RestoreAccessClock(key, request.IdleSeconds, request.Frequency);
        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Restore, key, keyspace.Index);
        return new(Reply.Ok);
    }
}
