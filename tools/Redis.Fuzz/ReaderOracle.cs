using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using Redis.Protocol;

namespace Redis.Fuzz;

/// <summary>
/// Runs one fuzz input through a <see cref="RequestReader"/> the way the transport does, and throws
/// <see cref="ReaderInvariantException"/> when the reader breaks one of its promises.
/// </summary>
/// <remarks>
/// <para>
/// An input is a chunking byte followed by the request stream. The stream is decoded twice: whole, and in receives
/// whose sizes come from the chunking byte (1 to 64 bytes, cycling). Both must give the same commands and the same
/// ending, and every call must keep these promises:
/// </para>
/// <list type="bullet">
/// <item>no exception escapes <see cref="RequestReader.TryRead"/>; malformed input takes the protocol-error path
/// (<see cref="OperationStatus.InvalidData"/> with one of Redis's texts), nothing else;</item>
/// <item><c>consumed</c> stays within the bytes offered, and a command consumes at least one byte and has a name;</item>
/// <item>a command has at most <c>MaxArguments</c> words, each within <c>proto-max-bulk-len</c> (RESP) or the
/// inline line length, and a RESP word is a slice of the bytes the command consumed;</item>
/// <item>while the reader waits for more bytes, the partial request it holds the caller to is within what the
/// limits allow (<see cref="MaxPendingBytes"/>), so a client cannot make the server buffer more;</item>
/// <item>a call that does not end in a protocol error allocates at most <see cref="MaxAllocatedPerCall"/> bytes
/// once the limits are small: nothing is allocated for a length a header merely announces.</item>
/// </list>
/// <para>
/// Bytes past the received data in the simulated buffer are CR LF filler, and the unread tail is moved into a fresh
/// buffer after every receive, so a reader that read past its input or remembered absolute positions would be caught.
/// </para>
/// </remarks>
internal static class ReaderOracle
{
    /// <summary>Small limits, so that inputs of a few hundred bytes reach every limit.</summary>
    public static readonly ProtocolLimits Limits = new() { MaxBulkLength = 64, MaxInlineLength = 64, MaxArguments = 8 };

    /// <summary>Allocations allowed for one call that parses a command or waits for more: never a buffer sized by the input.</summary>
    public const long MaxAllocatedPerCall = 512;

    private const int InitialBufferSize = 64;

    /// <summary>The protocol errors the reader may report: Redis's texts, with the byte found in the <c>$</c> one.</summary>
    private static readonly string[] KnownErrors =
    [
        "invalid multibulk length",
        "invalid bulk length",
        "unbalanced quotes in request",
        "too big inline request",
        "too many arguments in inline request",
        "too big mbulk count string",
        "too big bulk count string",
    ];

    /// <summary>Checks one input; returns what it decoded to, or throws <see cref="ReaderInvariantException"/>.</summary>
    public static Outcome Check(ReadOnlySpan<byte> input) => Check(input, Limits);

    public static Outcome Check(ReadOnlySpan<byte> input, ProtocolLimits limits)
    {
        if (input.IsEmpty)
        {
            return new Outcome(0, null, 0);
        }

        var stream = input[1..];
        var whole = DecodeTwiceIfAllocating(stream, stream.IsEmpty ? [] : [stream.Length], limits);
        var cut = DecodeTwiceIfAllocating(stream, Chunks(input[0], stream.Length), limits);
        if (whole != cut)
        {
            throw new ReaderInvariantException($"whole input decoded to {whole}, cut into receives (chunking byte {input[0]}) to {cut}");
        }

        return whole;
    }

    /// <summary>The most bytes of one unfinished request the reader may leave pending under <paramref name="limits"/>.</summary>
    /// <param name="multibulk">True for a RESP request (its first byte is <c>*</c>), false for an inline line.</param>
    /// <remarks>
    /// Finished words have headers no longer than the largest valid length (string2ll forbids leading zeros and '+');
    /// the word in progress is either a header line still missing its CR LF (up to 64 KiB, Redis's
    /// <c>PROTO_INLINE_MAX_SIZE</c>, plus the CR) or a value still missing its final byte. An inline line is its limit
    /// plus a CR that may be the first half of its line ending.
    /// </remarks>
    public static long MaxPendingBytes(ProtocolLimits limits, bool multibulk)
    {
        if (!multibulk)
        {
            return limits.MaxInlineLength + 1L;
        }

        long arrayHeader = 1 + Digits(limits.MaxArguments) + 2;
        long wordHeader = 1 + Digits(limits.MaxBulkLength) + 2;
        long fullWord = wordHeader + limits.MaxBulkLength + 2;
        long headerInProgress = ProtocolLimits.MaxHeaderLength + 1;
        var lastWord = Math.Max(headerInProgress, wordHeader + limits.MaxBulkLength + 1);
        return Math.Max(headerInProgress, arrayHeader + ((limits.MaxArguments - 1) * fullWord) + lastWord);
    }

    private static int Digits(long value) => value.ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>Receive sizes of 1 to 64 bytes, drawn from a generator seeded by the chunking byte.</summary>
    private static List<int> Chunks(byte seed, int length)
    {
        var chunks = new List<int>();
        var state = (uint)seed * 2654435761u + 1;
        for (var fed = 0; fed < length;)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var size = Math.Min(1 + (int)(state % 64), length - fed);
            chunks.Add(size);
            fed += size;
        }

        return chunks;
    }

    /// <summary>Decodes; a call that allocated is given a second run, and fails the check only if it allocates again.</summary>
    /// <remarks>
    /// The runtime may allocate on the calling thread the first time it runs or re-compiles a method (type loading,
    /// tiered compilation); a reader that allocates for what it reads does so every time.
    /// </remarks>
    private static Outcome DecodeTwiceIfAllocating(ReadOnlySpan<byte> payload, List<int> chunks, ProtocolLimits limits)
    {
        var outcome = Decode(payload, chunks, limits, out var allocation);
        if (allocation is not null)
        {
            outcome = Decode(payload, chunks, limits, out allocation);
            if (allocation is not null)
            {
                Fail(allocation);
            }
        }

        return outcome;
    }

    private static Outcome Decode(ReadOnlySpan<byte> payload, List<int> chunks, ProtocolLimits limits, out string? allocation)
    {
        allocation = null;
        var reader = new RequestReader(limits);
        var buffer = SimulatedReceiveBuffer.New(InitialBufferSize);
        int start = 0, end = 0, fed = 0, commands = 0;
        var digest = new HashCode();
        foreach (var chunk in chunks)
        {
            (buffer, start, end) = SimulatedReceiveBuffer.Receive(buffer, start, end, payload.Slice(fed, chunk));
            fed += chunk;

            while (true)
            {
                var count = end - start;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var status = reader.TryRead(buffer, start, count, out var args, out var consumed);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                // The error path may allocate its text: the connection ends there.
                if (allocated > MaxAllocatedPerCall && status != OperationStatus.InvalidData)
                {
                    allocation ??= $"TryRead allocated {allocated} bytes for {count} bytes offered ({status})";
                }

                if (consumed < 0 || consumed > count)
                {
                    Fail($"consumed {consumed} of {count} bytes offered ({status})");
                }

                switch (status)
                {
                    case OperationStatus.InvalidData:
                        var error = reader.ProtocolError;
                        if (error is null || !(KnownErrors.Contains(error) || IsExpectedDollar(error)))
                        {
                            Fail($"InvalidData with an unknown protocol error: {error ?? "(null)"}");
                        }

                        return new Outcome(commands, error, 0, digest.ToHashCode());
                    case OperationStatus.NeedMoreData:
                        var pending = count - consumed;
                        var multibulk = pending > 0 && buffer[start + consumed] == (byte)'*';
                        var maxPending = MaxPendingBytes(limits, multibulk);
                        if (pending > maxPending)
                        {
                            Fail($"waits for more with {pending} bytes of {(multibulk ? "a RESP" : "an inline")} request pending, over the {maxPending} the limits allow");
                        }

                        break;
                    case OperationStatus.Done:
                        CheckCommand(buffer, start, consumed, args, limits);
                        commands++;
                        for (var i = 0; i < args.Count; i++)
                        {
                            digest.AddBytes(args[i]);
                            digest.Add(args[i].Length);
                        }

                        digest.Add(-1);
                        start += consumed;
                        continue;
                    default:
                        Fail($"TryRead returned {status}");
                        break;
                }

                start += consumed;
                break;
            }

            (buffer, start, end) = SimulatedReceiveBuffer.Relocate(buffer, start, end, Math.Max(InitialBufferSize, (end - start) * 2));
        }

        return new Outcome(commands, null, end - start, digest.ToHashCode());
    }

    private static bool IsExpectedDollar(string error) =>
        error.Length == "expected '$', got 'x'".Length && error.StartsWith("expected '$', got '", StringComparison.Ordinal) && error[^1] == '\'';

    private static void CheckCommand(byte[] buffer, int start, int consumed, CommandArgs args, ProtocolLimits limits)
    {
        if (consumed == 0 || args.Count == 0)
        {
            Fail($"a command of {args.Count} words consumed {consumed} bytes");
        }

        if (args.Count > limits.MaxArguments)
        {
            Fail($"a command has {args.Count} words, over MaxArguments {limits.MaxArguments}");
        }

        for (var i = 0; i < args.Count; i++)
        {
            var word = args.Memory(i);
            if (!MemoryMarshal.TryGetArray(word, out var segment))
            {
                Fail("a word is not a slice of an array");
            }

            if (segment.Array == buffer)
            {
                if (segment.Offset < start || segment.Offset + segment.Count > start + consumed)
                {
                    Fail($"word {i} [{segment.Offset}, +{segment.Count}) lies outside the consumed bytes [{start}, +{consumed})");
                }

                if (segment.Count > limits.MaxBulkLength)
                {
                    Fail($"word {i} has {segment.Count} bytes, over proto-max-bulk-len {limits.MaxBulkLength}");
                }
            }
            else if (segment.Count > limits.MaxInlineLength)
            {
                Fail($"inline word {i} has {segment.Count} bytes, over the inline limit {limits.MaxInlineLength}");
            }
        }
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new ReaderInvariantException(message);

    /// <summary>What a stream decoded to: how many commands (and a digest of their words), then an error or the bytes left.</summary>
    public readonly record struct Outcome(int Commands, string? ProtocolError, int Unconsumed, int Digest = 0)
    {
        public override string ToString() =>
            $"{Commands} command(s) (digest {Digest:x8}), " + (ProtocolError is null ? $"{Unconsumed} bytes unconsumed" : $"protocol error '{ProtocolError}'");
    }
}

/// <summary>The reader broke a promise: a crash for the fuzzer, a failure for a regression test.</summary>
internal sealed class ReaderInvariantException(string message) : Exception(message);
