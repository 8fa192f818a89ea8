using System.Numerics;
using System.Runtime.InteropServices;
using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitOp;

/// <summary>
/// Computes the operation over the strings, missing keys counting as empty and shorter strings as zero-padded, stores
/// it in the destination (replacing any value and TTL, whatever its type) and answers its length, as Redis's
/// <c>bitopCommand</c>; an empty result deletes the destination.
/// </summary>
/// <remarks>Whole vectors at a time (<see cref="Vector{T}"/>), the bytes past the shortest source one by one.</remarks>
public sealed class BitOpCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<BitOpCommand, Reply>
{
    public ValueTask<Reply> Handle(BitOpCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var keyspace = request.Keyspace;
        var sources = new ReadOnlyMemory<byte>[request.Sources.Length];
        int maxLength = 0, minLength = int.MaxValue;
        for (var i = 0; i < sources.Length; i++)
        {
            if (keyspace.Read(request.Sources[i].Span, now, out var entry) == KeyLookup.WrongType)
            {
                return new(Errors.WrongType);
            }

            sources[i] = entry.Value;
            maxLength = Math.Max(maxLength, entry.Value.Length);
            minLength = Math.Min(minLength, entry.Value.Length);
        }

        var destination = request.Destination.Span;
        if (maxLength == 0)
        {
            if (keyspace.Remove(destination, now))
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, destination, keyspace.Index);
            }

            return new(Reply.Zero);
        }

        var result = new byte[maxLength];
        Compute(request.Operation, sources, minLength, result);
        keyspace.Set(destination, result);
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Set, destination, keyspace.Index);
        return new(Reply.Integer(maxLength));
    }

    private static void Compute(BitOperation operation, ReadOnlyMemory<byte>[] sources, int minLength, Span<byte> result)
    {
        sources[0].Span.CopyTo(result);
        var words = minLength / Vector<byte>.Count * Vector<byte>.Count;
        var output = MemoryMarshal.Cast<byte, Vector<byte>>(result[..words]);
        if (operation == BitOperation.Not)
        {
            for (var w = 0; w < output.Length; w++)
            {
                output[w] = ~output[w];
            }
        }
        else
        {
            for (var i = 1; i < sources.Length; i++)
            {
                var input = MemoryMarshal.Cast<byte, Vector<byte>>(sources[i].Span[..words]);
                for (var w = 0; w < output.Length; w++)
                {
                    output[w] = operation switch
                    {
                        BitOperation.And => output[w] & input[w],
                        BitOperation.Or => output[w] | input[w],
                        _ => output[w] ^ input[w],
                    };
                }
            }
        }

        for (var j = words; j < result.Length; j++)
        {
            var value = result[j];
            if (operation == BitOperation.Not)
            {
                result[j] = (byte)~value;
                continue;
            }

            for (var i = 1; i < sources.Length; i++)
            {
                var source = sources[i].Span;
                var b = j < source.Length ? source[j] : (byte)0;
                value = operation switch
                {
                    BitOperation.And => (byte)(value & b),
                    BitOperation.Or => (byte)(value | b),
                    _ => (byte)(value ^ b),
                };
            }

            result[j] = value;
        }
    }
}
