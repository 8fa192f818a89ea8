using System.Text;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.HSet;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.HIncrByFloat;

/// <summary>
/// Adds in C <c>long double</c> precision (a missing field or key counts as 0) and stores the sum as <c>INCRBYFLOAT</c>
/// prints it; an infinite or NaN sum is refused (Redis's <c>hincrbyfloatCommand</c>).
/// </summary>
public sealed class HIncrByFloatCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<HIncrByFloatCommand, Reply>
{
    private readonly HashStore _store = new(settings, events);

    public ValueTask<Reply> Handle(HIncrByFloatCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        if (HashStore.GetOrCreate(request.Keyspace, key, time.GetUnixMilliseconds(), out var hash, out var created) is { } error)
        {
            return new(error);
        }

        var current = default(LongDouble);
        if (hash.TryGetValue(request.Field.Span, out var text) && !LongDouble.TryParse(text, out current))
        {
            return new(Errors.HashValueNotAFloat);
        }

        var sum = current + request.Increment;
        if (!sum.IsFinite)
        {
            return new(Errors.FloatOverflow);
        }

        var value = Encoding.ASCII.GetBytes(sum.ToString());
        hash.Set(request.Field.Span, value, _store.Limits);
        _store.Commit(request.Keyspace, key, hash, created, KeyspaceEventNames.HIncrByFloat);

        // Logged as the HSET of the sum, as Redis's hincrbyfloatCommand rewrites itself.
        propagation.Replace(CommandPropagation.HSet, key.ToArray(), request.Field.ToArray(), value);
        return new(Reply.Bulk(value));
    }
}
