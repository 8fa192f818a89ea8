using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.HSet;

/// <summary>Sets every pair in order (a repeated field keeps the last value) and answers the count of new fields, or <c>+OK</c> for <c>HMSET</c>.</summary>
public sealed class HSetCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events) : IRequestHandler<HSetCommand, Reply>
{
    private readonly HashStore _store = new(settings, events);

    public ValueTask<Reply> Handle(HSetCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        if (HashStore.GetOrCreate(request.Keyspace, key, time.GetUnixMilliseconds(), out var hash, out var created) is { } error)
        {
            return new(error);
        }

        var limits = _store.Limits;
        var pairs = request.Pairs;
        var added = 0;
        for (var i = 0; i < pairs.Length; i += 2)
        {
            added += hash.Set(pairs[i].Span, pairs[i + 1].ToArray(), limits) ? 1 : 0;
        }

        _store.Commit(request.Keyspace, key, hash, created, KeyspaceEventNames.HSet);
        return new(request.AnswerOk ? Reply.Ok : Reply.Integer(added));
    }
}
