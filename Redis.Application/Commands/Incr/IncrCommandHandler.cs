using System.Buffers.Text;
using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Incr;

/// <summary>Adds the increment to the value read with Redis's strict integer rules; a missing key counts as 0, and the TTL stays.</summary>
public sealed class IncrCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<IncrCommand, Reply>
{
    public ValueTask<Reply> Handle(IncrCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var current = 0L;

        // Copied, not viewed, so the new digits can go over the old ones (an integer has at most 20 characters).
        Span<byte> digits = stackalloc byte[20];
        var lookup = request.Keyspace.CopyValue(key, now, digits, out var length);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (lookup == KeyLookup.Found && (length > digits.Length || !RedisInteger.TryParse(digits[..length], out current)))
        {
            return new(Errors.NotAnInteger);
        }

        var increment = request.Increment;
        if ((increment < 0 && current < 0 && increment < long.MinValue - current) ||
            (increment > 0 && current > 0 && increment > long.MaxValue - current))
        {
            return new(Errors.IncrementOverflow);
        }

        var result = current + increment;
        Utf8Formatter.TryFormat(result, digits, out var written);
        request.Keyspace.SetKeepTtl(key, digits[..written], now);
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.IncrBy, key, request.Keyspace.Index);

        return new(Reply.Integer(result));
    }
}
