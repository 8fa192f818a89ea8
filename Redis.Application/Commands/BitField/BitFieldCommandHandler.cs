using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Bits;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitField;

/// <summary>
/// Runs the operations in order, as Redis's <c>bitfieldGeneric</c>: all <c>GET</c>s only read the key; otherwise the
/// string is created or grown with zero bytes to the farthest bit written, then written in place. Answers one integer
/// per operation, or nil for a <c>SET</c>/<c>INCRBY</c> refused by <c>OVERFLOW FAIL</c>.
/// </summary>
/// <remarks>The key is notified (<c>setbit</c>) once when any field changed, or the string was created or grew.</remarks>
public sealed class BitFieldCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events)
    : IRequestHandler<BitFieldCommand, Reply>
{
    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(BitFieldCommand request, CancellationToken cancellationToken)
    {
        long highest = 0;
        foreach (var operation in request.Operations)
        {
            if (Bitmap.IsBeyond(operation.Offset, _maxLength.Value))
            {
                return new(Errors.BitOffsetOutOfRange);
            }

            if (operation.Opcode != BitFieldOpcode.Get)
            {
                highest = Math.Max(highest, operation.Offset + operation.Bits - 1);
            }
        }

        if (request.ParseError is { } error)
        {
            return new(error);
        }

        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var replies = new Reply[request.Operations.Length];
        if (request.ReadOnly)
        {
            if (request.Keyspace.Read(key, now, out var entry) == KeyLookup.WrongType)
            {
                return new(Errors.WrongType);
            }

            for (var i = 0; i < replies.Length; i++)
            {
                replies[i] = Get(entry.Value.Span, request.Operations[i]);
            }

            return new(Reply.Array(replies));
        }

        var lookup = request.Keyspace.OpenForWrite(key, now, (int)(highest >> 3) + 1, out var value, out var grown);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var changed = false;
        for (var i = 0; i < replies.Length; i++)
        {
            var operation = request.Operations[i];
            replies[i] = operation.Opcode == BitFieldOpcode.Get ? Get(value, operation) : Write(value, operation, ref changed);
        }

        if (changed || grown)
        {
            if (!grown)
            {
                request.Keyspace.Modified(key);
            }

            events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.SetBit, key, request.Keyspace.Index);
        }

        return new(Reply.Array(replies));
    }

    private static Reply Get(ReadOnlySpan<byte> bytes, BitFieldOperation operation) =>
        Reply.Integer(operation.Signed
            ? Bitmap.GetSigned(bytes, operation.Offset, operation.Bits)
            : (long)Bitmap.GetUnsigned(bytes, operation.Offset, operation.Bits));

    // SET answers the old value, INCRBY the new one; OVERFLOW FAIL writes nothing and answers nil.
    private static Reply Write(Span<byte> bytes, BitFieldOperation operation, ref bool changed)
    {
        var incr = operation.Opcode == BitFieldOpcode.IncrBy;
        ulong oldBits, newBits;
        long reply;
        int overflow;
        if (operation.Signed)
        {
            var old = Bitmap.GetSigned(bytes, operation.Offset, operation.Bits);
            overflow = incr
                ? BitFieldArithmetic.CheckSigned(old, operation.Value, operation.Bits, operation.Overflow, out var limit)
                : BitFieldArithmetic.CheckSigned(operation.Value, 0, operation.Bits, operation.Overflow, out limit);
            var result = overflow != 0 ? limit : incr ? unchecked(old + operation.Value) : operation.Value;
            (oldBits, newBits, reply) = (unchecked((ulong)old), unchecked((ulong)result), incr ? result : old);
        }
        else
        {
            var old = Bitmap.GetUnsigned(bytes, operation.Offset, operation.Bits);
            overflow = incr
                ? BitFieldArithmetic.CheckUnsigned(old, operation.Value, operation.Bits, operation.Overflow, out var limit)
                : BitFieldArithmetic.CheckUnsigned(unchecked((ulong)operation.Value), 0, operation.Bits, operation.Overflow, out limit);
            var result = overflow != 0 ? limit : incr ? unchecked(old + (ulong)operation.Value) : unchecked((ulong)operation.Value);
            (oldBits, newBits, reply) = (old, result, unchecked((long)(incr ? result : old)));
        }

        if (overflow != 0 && operation.Overflow == BitFieldOverflow.Fail)
        {
            return Reply.Nil;
        }

        Bitmap.SetUnsigned(bytes, operation.Offset, operation.Bits, newBits);
        changed |= oldBits != newBits;
        return Reply.Integer(reply);
    }
}
