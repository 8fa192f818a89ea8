using System.Buffers;
using System.Text;
using Redis.Fuzz;

namespace Redis.Protocol.Tests;

/// <summary>How a payload reaches the reader.</summary>
public enum FramingMode
{
    /// <summary>All bytes in one receive.</summary>
    Whole,

    /// <summary>Two receives, cut at every offset (a sample of offsets for payloads over <see cref="Framing.SplitEverywhereUpTo"/> bytes).</summary>
    SplitAtEveryOffset,

    /// <summary>One receive per byte.</summary>
    ByteAtATime,
}

/// <summary>What a reader made of a byte stream: the commands, then either a protocol error or the bytes left unconsumed.</summary>
internal sealed record DecodeResult(IReadOnlyList<byte[][]> Commands, string? ProtocolError, int Unconsumed);

/// <summary>
/// Feeds a payload to a <see cref="RequestReader"/> the way the transport does (RESPite's framing tests): whole, split in
/// two at every offset, and one byte at a time. Each framing must decode the same commands.
/// </summary>
/// <remarks>
/// The simulated receive buffer grows by doubling; after each batch the consumed bytes are dropped and the rest is
/// copied to the front of a fresh array, so a reader that remembered absolute positions would fail. Bytes past the
/// received data are CR LF filler, so a reader that looked past <c>count</c> would find line ends that are not there.
/// </remarks>
internal static class Framing
{
    /// <summary>Payloads up to this length are split at every offset; longer ones at a sample, to keep the suite fast.</summary>
    public const int SplitEverywhereUpTo = 4096;

    private const int InitialBufferSize = 64;

    // Below this many pending bytes the remainder is relocated after every batch, not only when the buffer must change.
    private const int AlwaysRelocateBelow = 4096;

    public static IEnumerable<FramingMode> Modes => Enum.GetValues<FramingMode>();

    /// <summary>The receive sizes each framing uses for a payload of <paramref name="length"/> bytes, with a name for failure messages.</summary>
    public static IEnumerable<(string Name, int[] Chunks)> Chunkings(int length, FramingMode mode)
    {
        switch (mode)
        {
            case FramingMode.Whole:
                yield return ("whole", length == 0 ? [] : [length]);
                break;
            case FramingMode.SplitAtEveryOffset:
                foreach (var at in SplitOffsets(length))
                {
                    yield return ($"split at {at}", [at, length - at]);
                }

                break;
            case FramingMode.ByteAtATime:
                yield return ("byte at a time", Enumerable.Repeat(1, length).ToArray());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }

    /// <summary>Asserts that every framing of <paramref name="mode"/> decodes <paramref name="payload"/> to the expected outcome.</summary>
    /// <param name="unconsumed">Bytes of a trailing partial request the reader must leave in the buffer (ignored when an error is expected).</param>
    public static void AssertDecodes(
        byte[] payload,
        FramingMode mode,
        IReadOnlyList<byte[][]> expected,
        string? protocolError = null,
        int unconsumed = 0,
        ProtocolLimits? limits = null)
    {
        var want = new DecodeResult(expected, protocolError, protocolError is null ? unconsumed : 0);
        foreach (var (name, chunks) in Chunkings(payload.Length, mode))
        {
            var got = Decode(payload, chunks, limits);
            if (!Same(want, got))
            {
                Assert.Fail($"{name} of {payload.Length} bytes decoded differently.\nExpected:\n{Render(want)}\nActual:\n{Render(got)}");
            }
        }
    }

    /// <summary>Asserts the outcome for every framing: whole, every split, byte at a time.</summary>
    public static void AssertDecodesUnderEveryFraming(
        byte[] payload,
        IReadOnlyList<byte[][]> expected,
        string? protocolError = null,
        int unconsumed = 0,
        ProtocolLimits? limits = null)
    {
        foreach (var mode in Modes)
        {
            AssertDecodes(payload, mode, expected, protocolError, unconsumed, limits);
        }
    }

    /// <summary>Feeds <paramref name="payload"/> in receives of <paramref name="chunkLengths"/> bytes, running every complete request after each.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> payload, IEnumerable<int> chunkLengths, ProtocolLimits? limits = null) =>
        Decode(new RequestReader(limits ?? new ProtocolLimits()), payload, chunkLengths);

    public static DecodeResult Decode(RequestReader reader, ReadOnlySpan<byte> payload, IEnumerable<int> chunkLengths)
    {
        var commands = new List<byte[][]>();
        var buffer = SimulatedReceiveBuffer.New(InitialBufferSize);
        int start = 0, end = 0, fed = 0;
        foreach (var chunk in chunkLengths)
        {
            if (chunk <= 0 || fed + chunk > payload.Length)
            {
                throw new ArgumentException($"Chunk of {chunk} bytes does not fit a payload of {payload.Length} after {fed} bytes.", nameof(chunkLengths));
            }

            (buffer, start, end) = SimulatedReceiveBuffer.Receive(buffer, start, end, payload.Slice(fed, chunk));
            fed += chunk;

            // One batch: every complete request in the buffer, as the transport's ExecuteBatch runs them.
            while (true)
            {
                var count = end - start;
                var status = reader.TryRead(buffer, start, count, out var args, out var consumed);
                if (consumed < 0 || consumed > count)
                {
                    Assert.Fail($"consumed {consumed} of {count} offered bytes ({status}).");
                }

                start += consumed;
                if (status == OperationStatus.InvalidData)
                {
                    return new DecodeResult(commands, reader.ProtocolError ?? "(InvalidData without ProtocolError)", end - start);
                }

                if (status == OperationStatus.NeedMoreData)
                {
                    break;
                }

                if (status != OperationStatus.Done || consumed == 0 || args.Count == 0)
                {
                    // A command that consumes nothing would make the transport loop forever; one without words has no name.
                    Assert.Fail($"TryRead returned {status} with {args.Count} words, having consumed {consumed} bytes.");
                }

                // The arguments are valid only until the next call: copy them out now.
                commands.Add(args.ToArrays());
            }

            var pending = end - start;
            if (pending < AlwaysRelocateBelow)
            {
                // Small remainders move every time, into a buffer sized for them (the transport shrinks back too).
                (buffer, start, end) = SimulatedReceiveBuffer.Relocate(buffer, start, end, Math.Max(InitialBufferSize, pending * 2));
            }
            else if (start > 0)
            {
                (buffer, start, end) = SimulatedReceiveBuffer.Relocate(buffer, start, end, buffer.Length);
            }
        }

        if (fed != payload.Length)
        {
            throw new ArgumentException($"Chunks cover {fed} of {payload.Length} bytes.", nameof(chunkLengths));
        }

        return new DecodeResult(commands, null, end - start);
    }

    public static bool Same(DecodeResult expected, DecodeResult actual) =>
        expected.ProtocolError == actual.ProtocolError &&
        (expected.ProtocolError is not null || expected.Unconsumed == actual.Unconsumed) &&
        expected.Commands.Count == actual.Commands.Count &&
        expected.Commands.Zip(actual.Commands).All(pair =>
            pair.First.Length == pair.Second.Length &&
            pair.First.Zip(pair.Second).All(words => words.First.AsSpan().SequenceEqual(words.Second)));

    /// <summary>Renders commands as redis-cli quotes them, one per line; long words are shortened.</summary>
    public static string Render(DecodeResult result)
    {
        var text = new StringBuilder();
        foreach (var command in result.Commands.Take(20))
        {
            text.AppendLine(string.Join(' ', command.Select(RenderWord)));
        }

        if (result.Commands.Count > 20)
        {
            text.AppendLine($"... {result.Commands.Count} commands in all");
        }

        return text.Append(result.ProtocolError is null ? $"(unconsumed: {result.Unconsumed})" : $"(protocol error: {result.ProtocolError})").ToString();
    }

    private static string RenderWord(byte[] word) =>
        word.Length <= 64 ? Repr.Quote(word) : $"{Repr.Quote(word.AsSpan(0, 32))}...({word.Length} bytes)";

    private static IEnumerable<int> SplitOffsets(int length)
    {
        if (length <= SplitEverywhereUpTo)
        {
            return Enumerable.Range(1, Math.Max(0, length - 1));
        }

        var step = Math.Max(1, length / 257);
        return Enumerable.Range(1, 64)
            .Concat(Enumerable.Range(1, 256).Select(i => i * step))
            .Concat(Enumerable.Range(length - 64, 64))
            .Where(at => at > 0 && at < length)
            .Distinct()
            .Order();
    }
}
