using System.Buffers;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redis.Fuzz;
using static Redis.Protocol.Tests.RequestBytes;

namespace Redis.Protocol.Tests;

/// <summary>
/// Properties over generated streams: valid requests survive any cutting; arbitrary bytes never break the reader, never
/// get past its limits, and never make it allocate for a length a header merely announces.
/// </summary>
public sealed class RequestReaderPropertyTests
{
    private static readonly ProtocolLimits SmallLimits = new() { MaxBulkLength = 64, MaxInlineLength = 64, MaxArguments = 8 };

    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    // Bytes that mean something to the protocol, so random input reaches the interesting branches often.
    private static readonly Gen<byte> ProtocolByte = Gen.Elements("*$\r\n\r\n0123456789-+ \t\"'\\xaA\0"u8.ToArray());

    private static readonly Gen<byte> TrickyByte = Gen.Frequency((3, AnyByte), (1, ProtocolByte));

    private static readonly Gen<byte[]> BinaryWord = Gen.Frequency(
        (12, Gen.Sized(size => Gen.Choose(0, size).SelectMany(length => TrickyByte.ArrayOf(length)))),
        (1, Gen.Choose(100, 5000).SelectMany(length => AnyByte.ArrayOf(length))));

    private static readonly Gen<byte[]> PlainWord = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789:-_.{}"u8.ToArray())
        .NonEmptyListOf()
        .Select(bytes => bytes.ToArray());

    private static readonly Gen<string> LineEnding = Gen.Elements("\r\n", "\n");

    /// <summary>A command as RESP: any number of arbitrary binary words.</summary>
    private static readonly Gen<Piece> RespCommand = Gen.Choose(1, 6)
        .SelectMany(count => BinaryWord.ArrayOf(count))
        .Select(words => new Piece(Resp(words), words));

    /// <summary>A command as an inline line of plain words, separated by runs of spaces and tabs.</summary>
    private static readonly Gen<Piece> InlinePlainCommand =
        from words in Gen.Choose(1, 6).SelectMany(count => PlainWord.ArrayOf(count))
        from separator in Gen.Elements(" ", "  ", "\t", " \t ")
        from ending in LineEnding
        select new Piece(Text(string.Join(separator, words.Select(w => Encoding.Latin1.GetString(w))) + ending), words);

    /// <summary>A command as an inline line of double-quoted words, every byte written as itself or as an escape.</summary>
    private static readonly Gen<Piece> InlineQuotedCommand =
        from words in Gen.Choose(1, 4).SelectMany(count => Gen.Sized(size => Gen.Choose(0, Math.Min(size, 40)).SelectMany(n => AnyByte.ArrayOf(n))).ArrayOf(count))
        from hexEverything in Gen.Elements(true, false)
        from ending in LineEnding
        select new Piece(Text(string.Join(' ', words.Select(w => Quote(w, hexEverything))) + ending), words);

    /// <summary>Requests Redis skips without running anything.</summary>
    private static readonly Gen<Piece> EmptyRequest = Gen.Elements("*0\r\n", "*-1\r\n", "\r\n", "\n", "  \t \r\n")
        .Select(text => new Piece(Text(text), null));

    private static readonly Gen<Piece> AnyPiece = Gen.Frequency(
        (5, RespCommand),
        (2, InlinePlainCommand),
        (2, InlineQuotedCommand),
        (1, EmptyRequest));

    private static readonly Gen<int[]> ChunkSizes = Gen.Frequency(
        (3, Gen.Choose(1, 8)),
        (2, Gen.Choose(1, 100)),
        (1, Gen.Choose(1, 10_000)))
        .NonEmptyListOf()
        .Select(sizes => sizes.ToArray());

    private static readonly Arbitrary<RequestStream> ValidStreams =
        (from pieces in AnyPiece.ListOf()
         from sizes in ChunkSizes
         select new RequestStream(pieces.ToArray(), sizes)).ToArbitrary();

    private static readonly Arbitrary<Noise> NoisyInputs =
        (from bytes in Gen.Frequency(
             (2, TrickyByte.ArrayOf()),
             (2, ProtocolByte.ArrayOf()),
             (2, AnyPiece.ListOf().SelectMany(pieces => Mutate(Concat(pieces.Select(p => p.Bytes).ToArray())))))
         from sizes in ChunkSizes
         select new Noise(bytes, sizes)).ToArbitrary();

    /// <summary>Requests around <see cref="SmallLimits"/>: words of up to 70 bytes, up to 10 of them, lines of 55 to 70 bytes.</summary>
    private static readonly Gen<Piece> NearLimitPiece = Gen.Frequency(
        (1, from count in Gen.Choose(1, 10)
            from words in Gen.Choose(0, 70).SelectMany(length => TrickyByte.ArrayOf(length)).ArrayOf(count)
            select new Piece(Resp(words), words)),
        (1, from length in Gen.Choose(55, 70)
            from words in Gen.Choose(1, 10).SelectMany(count => PlainWord.ArrayOf(count))
            from ending in LineEnding
            let line = string.Join(' ', words.Select(w => Encoding.Latin1.GetString(w)))
            select new Piece(Text(line[..Math.Min(line.Length, length)] + ending), null)));

    private static readonly Arbitrary<byte[]> HostileInputs =
        (from chunking in AnyByte
         from stream in Gen.Frequency(
             (2, TrickyByte.ArrayOf()),
             (1, ProtocolByte.ArrayOf()),
             (2, NearLimitPiece.ListOf().Select(pieces => Concat(pieces.Select(p => p.Bytes).ToArray()))),
             (3, Gen.Frequency((1, AnyPiece), (2, NearLimitPiece)).ListOf().SelectMany(pieces => Mutate(Concat(pieces.Select(p => p.Bytes).ToArray())))))
         select (byte[])[chunking, .. stream]).ToArbitrary();

    /// <summary>A RESP header announcing a bulk of any length the default limit allows, then fewer bytes than announced.</summary>
    private static readonly Arbitrary<(int Declared, int Sent)> AnnouncedBulks =
        (from declared in Gen.Frequency((1, Gen.Choose(0, 100)), (3, Gen.Choose(0, 512 * 1024 * 1024)))
         from sent in Gen.Choose(0, Math.Min(declared + 1, 4096))
         select (declared, sent)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property DecodesOriginalCommandsGivenValidStreamCutAnywhere() =>
        Prop.ForAll(ValidStreams, stream =>
        {
            var payload = Concat(stream.Pieces.Select(p => p.Bytes).ToArray());
            var expected = new DecodeResult(stream.Pieces.Where(p => p.Words is not null).Select(p => p.Words!).ToArray(), null, 0);

            var actual = Framing.Decode(payload, Cut(payload.Length, stream.ChunkSizes));

            Assert.True(Framing.Same(expected, actual), $"Expected:\n{Framing.Render(expected)}\nActual:\n{Framing.Render(actual)}");
        });

    [Property(MaxTest = 1000)]
    public Property NeverThrowsAndDecodesSameAsWholeGivenArbitraryBytesCutAnywhere() =>
        Prop.ForAll(NoisyInputs, noise =>
        {
            // Decode asserts that every call returns a status, consumes within bounds, and makes progress on Done.
            var whole = Framing.Decode(noise.Bytes, Framing.Chunkings(noise.Bytes.Length, FramingMode.Whole).Single().Chunks, SmallLimits);
            var cut = Framing.Decode(noise.Bytes, Cut(noise.Bytes.Length, noise.ChunkSizes), SmallLimits);

            Assert.True(Framing.Same(whole, cut), $"Whole:\n{Framing.Render(whole)}\nCut:\n{Framing.Render(cut)}");
        });

    [Property(MaxTest = 1000)]
    public Property StaysWithinLimitsGivenArbitraryOrMutatedBytes() =>
        Prop.ForAll(HostileInputs, input =>
        {
            // The fuzzer's oracle (tools/Redis.Fuzz/ReaderOracle.cs): no exception but the protocol-error path, commands
            // within proto-max-bulk-len, the inline limit and MaxArguments, no partial request buffered past what those
            // limits allow, no allocation for an announced length, and the same outcome whole and cut into receives.
            ReaderOracle.Check(input, SmallLimits);
        });

    [Property(MaxTest = 200)]
    public Property AllocatesNothingForAnnouncedBulkGivenOnlyPartOfIt() =>
        Prop.ForAll(AnnouncedBulks, bulk =>
        {
            var payload = Concat(Text($"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n${bulk.Declared}\r\n"), new byte[bulk.Sent]);

            var (status, consumed, allocated) = ReadMeasuringAllocations(payload);

            Assert.Equal(OperationStatus.NeedMoreData, status);
            Assert.Equal(0, consumed);
            Assert.True(allocated <= ReaderOracle.MaxAllocatedPerCall, $"TryRead allocated {allocated} bytes");
        });

    [Fact]
    public void AllocatesNothingGivenHeaderAnnouncing500MillionBytesAndTenSent()
    {
        // Redis itself reserves the announced length up front for big arguments (PROTO_MBULK_BIG_ARG); this reader holds
        // the caller to the ten bytes that arrived: it needs no buffer of its own, and the transport grows its input
        // buffer with the bytes received.
        var payload = Concat(Text("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$500000000\r\n"), "0123456789"u8.ToArray());

        var (status, consumed, allocated) = ReadMeasuringAllocations(payload);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, allocated);
    }

    [Property(MaxTest = 300)]
    public Property RoundTripsThroughReplyWriterGivenArrayOfBulks() =>
        Prop.ForAll(RespCommand.Select(p => p.Words!).ToArbitrary(), words =>
        {
            // An array of bulk strings is the one shape that is both a reply and a request.
            var writer = new ReplyWriter();
            writer.Write(Reply.Array(words.Select(Reply.Bulk).ToArray()));

            var decoded = Framing.Decode(writer.Written.ToArray(), [writer.Length]);

            Assert.True(Framing.Same(new DecodeResult([words], null, 0), decoded), Framing.Render(decoded));
        });

    /// <summary>One <see cref="RequestReader.TryRead"/> on a fresh reader with default limits, and the bytes it allocated.</summary>
    private static (OperationStatus Status, int Consumed, long Allocated) ReadMeasuringAllocations(byte[] payload)
    {
        // A first call on another reader runs the type initialisers and JIT stubs, which allocate once per process.
        new RequestReader(new ProtocolLimits()).TryRead(payload, 0, payload.Length, out _, out _);
        var reader = new RequestReader(new ProtocolLimits());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = reader.TryRead(payload, 0, payload.Length, out _, out var consumed);
        return (status, consumed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Chunk lengths covering <paramref name="length"/> bytes, taking <paramref name="sizes"/> in turn.</summary>
    private static int[] Cut(int length, int[] sizes)
    {
        var chunks = new List<int>();
        for (int fed = 0, i = 0; fed < length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], length - fed);
            chunks.Add(size);
            fed += size;
        }

        return [.. chunks];
    }

    private static string Quote(byte[] word, bool hexEverything)
    {
        var text = new StringBuilder("\"");
        foreach (var b in word)
        {
            if (hexEverything || b is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x7f)
            {
                text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)b);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Overwrites a few random positions of a valid stream with random bytes.</summary>
    private static Gen<byte[]> Mutate(byte[] valid) =>
        valid.Length == 0
            ? Gen.Constant(valid)
            : Gen.Zip(Gen.Choose(0, valid.Length - 1), TrickyByte).ListOf().Select(edits =>
            {
                var copy = (byte[])valid.Clone();
                foreach (var (at, value) in edits)
                {
                    copy[at] = value;
                }

                return copy;
            });

    public sealed record Piece(byte[] Bytes, byte[][]? Words);

    public sealed record RequestStream(Piece[] Pieces, int[] ChunkSizes)
    {
        public override string ToString() =>
            $"{Repr.Quote(Concat(Pieces.Select(p => p.Bytes).ToArray()))} in chunks of [{string.Join(',', ChunkSizes)}]";
    }

    public sealed record Noise(byte[] Bytes, int[] ChunkSizes)
    {
        public override string ToString() => $"{Repr.Quote(Bytes)} in chunks of [{string.Join(',', ChunkSizes)}]";
    }
}
