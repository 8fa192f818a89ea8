using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.HSet;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.HSetNx;

/// <summary>1 when the field was added; 0, changing nothing, when it exists. A missing key is created.</summary>
/// <remarks>
/// As Redis's <c>hsetnxCommand</c> does through <c>hashTypeLookupWriteOrCreate</c>, a missing key is created before the
/// field is checked; since a new hash never has the field, the key is always stored.
/// </remarks>
public sealed class HSetNxCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events) : IRequestHandler<HSetNxCommand, Reply>
{
    private readonly HashStore _store = new(settings, events);

    public ValueTask<Reply> Handle(HSetNxCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        if (HashStore.GetOrCreate(request.Keyspace, key, time.GetUnixMilliseconds(), out var hash, out var created) is { } error)
        {
            return new(error);
        }

        if (hash.Contains(request.Field.Span))
        {
            return new(Reply.Zero);
        }

        hash.Set(request.Field.Span, request.Value.ToArray(), _store.Limits);
        _store.Commit(request.Keyspace, key, hash, created, KeyspaceEventNames.HSet);
        return new(Reply.One);
    }
}
