using System.Globalization;
using System.Text;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.HSet;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.HIncrBy;

/// <summary>Adds to the field's integer (a missing field or key counts as 0), stores the sum as text and answers it.</summary>
public sealed class HIncrByCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events) : IRequestHandler<HIncrByCommand, Reply>
{
    private readonly HashStore _store = new(settings, events);

    public ValueTask<Reply> Handle(HIncrByCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        if (HashStore.GetOrCreate(request.Keyspace, key, time.GetUnixMilliseconds(), out var hash, out var created) is { } error)
        {
            return new(error);
        }

        long current = 0;
        if (hash.TryGetValue(request.Field.Span, out var text) && !RedisInteger.TryParse(text, out current))
        {
            return new(Errors.HashValueNotAnInteger);
        }

        var increment = request.Increment;
        if ((increment < 0 && current < 0 && increment < long.MinValue - current) ||
            (increment > 0 && current > 0 && increment > long.MaxValue - current))
        {
            return new(Errors.IncrementOverflow);
        }

        var sum = current + increment;
        hash.Set(request.Field.Span, Encoding.ASCII.GetBytes(sum.ToString(CultureInfo.InvariantCulture)), _store.Limits);
        _store.Commit(request.Keyspace, key, hash, created, KeyspaceEventNames.HIncrBy);
        return new(Reply.Integer(sum));
    }
}
