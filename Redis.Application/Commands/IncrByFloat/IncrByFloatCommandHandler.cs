using System.Text;
using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.IncrByFloat;

/// <summary>
/// Adds in C <c>long double</c> precision and stores the sum as Redis prints it (<c>%.17Lf</c>, trailing zeros removed);
/// a missing key counts as 0, the TTL stays, and an infinite or NaN sum is refused (Redis's <c>incrbyfloatCommand</c>).
/// </summary>
public sealed class IncrByFloatCommandHandler(TimeProvider time, KeyspaceEvents events, CommandPropagation propagation) : IRequestHandler<IncrByFloatCommand, Reply>
{
    public ValueTask<Reply> Handle(IncrByFloatCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var current = default(LongDouble);
        var lookup = request.Keyspace.Get(key, now, out var entry);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (lookup == KeyLookup.Found && !LongDouble.TryParse(entry.Value.Span, out current))
        {
            return new(Errors.NotAFloat);
        }

        var sum = current + request.Increment;
        if (!sum.IsFinite)
        {
            return new(Errors.FloatOverflow);
        }

        var value = Encoding.ASCII.GetBytes(sum.ToString());
        request.Keyspace.SetKeepTtl(key, value, now);
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.IncrByFloat, key, request.Keyspace.Index);

        // Logged as the SET of the sum, as Redis does, so a replay never adds in another precision.
        propagation.Replace(CommandPropagation.Set, key.ToArray(), value, CommandPropagation.KeepTtl);

        return new(Reply.Bulk(value));
    }
}
