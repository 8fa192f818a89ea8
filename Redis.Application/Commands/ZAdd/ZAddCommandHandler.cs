using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZAdd;

/// <summary>
/// Adds or updates each pair (Redis's <c>zaddGenericCommand</c>): the number added (with <c>CH</c>, added or
/// updated), or with <c>INCR</c> the new score, or nil when the options skipped the member.
/// </summary>
public sealed class ZAddCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<ZAddCommand, Reply>
{
    private readonly ZSetLimits _limits = new(settings);

    public ValueTask<Reply> Handle(ZAddCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var keyspace = request.Keyspace;
        var incr = (request.Options & ZAddOptions.Incr) != 0;
        var lookup = keyspace.Get(key, time.GetUnixMilliseconds(), out SortedSetValue? set);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var created = set is null;
        if (set is null)
        {
            if ((request.Options & ZAddOptions.Xx) != 0)
            {
                return new(incr ? Reply.Nil : Reply.Zero);
            }

            set = new SortedSetValue();
        }

        long added = 0, updated = 0, processed = 0;
        double score = 0;
        Reply? error = null;
        for (var i = 0; i < request.Scores.Length; i++)
        {
            var outcome = set.Add(request.Members[i].Span, request.Scores[i], request.Options, _limits.MaxListpackEntries, _limits.MaxListpackValue, out var newScore);
            if (outcome == ZAddOutcome.NotANumber)
            {
                error = Errors.ZScoreNaN;
                break;
            }

            added += outcome == ZAddOutcome.Added ? 1 : 0;
            updated += outcome == ZAddOutcome.Updated ? 1 : 0;
            if (outcome != ZAddOutcome.Nop)
            {
                processed++;
                score = newScore;
            }
        }

        if (added + updated > 0)
        {
            if (created)
            {
                keyspace.Set(key, set);
            }
            else
            {
                keyspace.Changed(key, set);
            }

            events.Notify(KeyspaceEventClasses.SortedSet, incr ? KeyspaceEventNames.ZIncr : KeyspaceEventNames.ZAdd, key, keyspace.Index);
        }

        if (error is { } failure)
        {
            return new(failure);
        }

        if (incr)
        {
            return new(processed > 0 ? Reply.Double(score) : Reply.Nil);
        }

        return new(Reply.Integer(request.Changed ? added + updated : added));
    }
}
