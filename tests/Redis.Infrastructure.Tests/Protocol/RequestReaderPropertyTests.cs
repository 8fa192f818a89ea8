using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redis.Application.Replies;
using Redis.Infrastructure.Protocol;
using static Redis.Infrastructure.Tests.Protocol.RequestBytes;

namespace Redis.Infrastructure.Tests.Protocol;

/// <summary>Properties over generated streams: valid requests survive any cutting; arbitrary bytes never break the reader.</summary>
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
            $"{Reply.Quote(Concat(Pieces.Select(p => p.Bytes).ToArray()))} in chunks of [{string.Join(',', ChunkSizes)}]";
    }

    public sealed record Noise(byte[] Bytes, int[] ChunkSizes)
    {
        public override string ToString() => $"{Reply.Quote(Bytes)} in chunks of [{string.Join(',', ChunkSizes)}]";
    }
}
