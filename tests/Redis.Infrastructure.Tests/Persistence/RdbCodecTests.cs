using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>The RDB codec's pieces: CRC-64, LZF, the string and length encodings, and each type written then read.</summary>
public class RdbCodecTests
{
    [Fact]
    public void Crc64IsRedisJonesChecksum()
    {
        Assert.Equal(0xe9c6d914c4b8d9caUL, Crc64.Compute("123456789"u8));
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Crc64.Compute(data), Crc64.Update(Crc64.Compute(data.AsSpan(0, 333)), data.AsSpan(333)));
    }

    public static TheoryData<string> LzfInputs => new()
    {
        "a",
        "ab",
        "abcabcabcabcabcabcabcabcabcabc",
        new string('x', 100_000),
        string.Concat(Enumerable.Range(0, 5000).Select(i => $"key:{i % 97}:")),
    };

    [Theory]
    [MemberData(nameof(LzfInputs))]
    public void LzfRoundTrips(string text)
    {
        var input = Encoding.ASCII.GetBytes(text);
        var output = new byte[input.Length + 64];
        var length = Lzf.Compress(input, output);
        Assert.NotEqual(0, length);

        var back = new byte[input.Length];
        Assert.True(Lzf.TryDecompress(output.AsSpan(0, length), back));
        Assert.Equal(input, back);
    }

    [Fact]
    public void LzfRoundTripsRandomBytesAndRefusesWhatDoesNotFit()
    {
        var random = new Random(3);
        var input = new byte[70_000];
        random.NextBytes(input);
        Assert.Equal(0, Lzf.Compress(input, new byte[input.Length - 4]));
        var output = new byte[input.Length * 2];
        var length = Lzf.Compress(input, output);
        var back = new byte[input.Length];
        Assert.True(Lzf.TryDecompress(output.AsSpan(0, length), back));
        Assert.Equal(input, back);
        Assert.False(Lzf.TryDecompress(output.AsSpan(0, length - 1), back));
        Assert.False(Lzf.TryDecompress([0xE0, 0x05, 0x00], new byte[10]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("127")]
    [InlineData("-129")]
    [InlineData("32768")]
    [InlineData("-2147483648")]
    [InlineData("2147483648")]
    [InlineData("12345678901")]
    [InlineData("007")]
    [InlineData("+5")]
    [InlineData("-0")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")]
    public void StringsRoundTripInEveryEncoding(string text)
    {
        var value = Encoding.UTF8.GetBytes(text);
        foreach (var compression in new[] { true, false })
        {
            var read = RoundTrip(w => w.WriteString("k"u8, value, -1), compression);
            Assert.Equal(value, Assert.Single(read.Strings).Value);
        }
    }

    [Fact]
    public void LargeStringsAndExpiriesRoundTrip()
    {
        var repetitive = Encoding.ASCII.GetBytes(new string('x', 20_000));
        var random = new byte[100_000];
        new Random(5).NextBytes(random);
        var read = RoundTrip(w =>
        {
            w.WriteString("a"u8, repetitive, 1_900_000_000_123);
            w.WriteString("b"u8, random, -1);
        });

        Assert.Equal(repetitive, read.Strings[0].Value);
        Assert.Equal(1_900_000_000_123, read.Strings[0].ExpiresAt);
        Assert.Equal(random, read.Strings[1].Value);
        Assert.Equal(-1, read.Strings[1].ExpiresAt);
    }

    [Theory]
    [InlineData(3, "listpack")]
    [InlineData(1000, "hashtable")]
    public void HashesRoundTrip(int fields, string encoding)
    {
        var hash = new HashValue();
        for (var i = 0; i < fields; i++)
        {
            hash.Set(Encoding.ASCII.GetBytes($"f{i}"), Encoding.ASCII.GetBytes(i % 2 == 0 ? $"{i * 1000}" : $"value {i}"), HashLimits.Default);
        }

        var read = Assert.IsType<HashValue>(RoundTripValue(hash));
        Assert.Equal(encoding, read.Encoding);
        Assert.Equal(hash.Pairs().Select(Pair), read.Pairs().Select(Pair));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(5000)]
    public void ListsRoundTripAcrossNodes(int length)
    {
        var list = new ListValue();
        for (var i = 0; i < length; i++)
        {
            list.Push(Encoding.ASCII.GetBytes(i % 3 == 0 ? $"{i - 2500}" : $"element number {i}"), left: false);
        }

        list.Push(new byte[10_000], left: true);
        var read = Assert.IsType<ListValue>(RoundTripValue(list));
        Assert.Equal(Enumerable.Range(0, list.Length).Select(i => list[i]), Enumerable.Range(0, read.Length).Select(i => read[i]));
    }

    [Theory]
    [InlineData(new[] { "1", "-70000", "5000000000" }, "intset")]
    [InlineData(new[] { "a", "b", "1" }, "hashtable")]
    public void SetsRoundTrip(string[] members, string encoding)
    {
        var set = new SetValue();
        foreach (var member in members)
        {
            set.Add(Encoding.ASCII.GetBytes(member), 512);
        }

        var read = Assert.IsType<SetValue>(RoundTripValue(set));
        Assert.Equal(encoding, read.Encoding);
        Assert.Equal(members.Order(StringComparer.Ordinal), Enumerable.Range(0, (int)read.Count).Select(i => Encoding.ASCII.GetString(read.MemberAt(i))).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(5, "listpack")]
    [InlineData(500, "skiplist")]
    public void SortedSetsRoundTrip(int members, string encoding)
    {
        var zset = new SortedSetValue();
        for (var i = 0; i < members; i++)
        {
            var score = i switch { 0 => double.PositiveInfinity, 1 => double.NegativeInfinity, 2 => 0.1, _ => i % 2 == 0 ? i : -i / 7.0 };
            zset.Add(Encoding.ASCII.GetBytes($"m{i}"), score, ZAddOptions.None, 128, 64, out _);
        }

        var read = Assert.IsType<SortedSetValue>(RoundTripValue(zset));
        Assert.Equal(encoding, read.Encoding);
        Assert.Equal(zset.Range(0, zset.Count, false), read.Range(0, read.Count, false), (a, b) => a.Member.AsSpan().SequenceEqual(b.Member) && a.Score.Equals(b.Score));
    }

    [Fact]
    public void AuxFieldsAndDatabasesAreReported()
    {
        var read = RoundTrip(w => w.WriteString("k"u8, "v"u8, -1));

        Assert.Equal("7.0.15", read.Aux["redis-ver"]);
        Assert.Equal("64", read.Aux["redis-bits"]);
        Assert.Equal([3], read.Databases);
        Assert.Equal((1L, 0L), read.Sizes[0]);
    }

    [Fact]
    public void EveryTruncationIsAFormatErrorAndAFlippedByteFailsTheChecksum()
    {
        var file = Write(w =>
        {
            w.WriteString("key"u8, "a value that is long enough to compress, compress, compress"u8, 1_900_000_000_000);
            var hash = new HashValue();
            hash.Set("f"u8, "v"u8.ToArray(), HashLimits.Default);
            w.WriteValue("h"u8, hash, -1);
        });

        for (var length = 0; length < file.Length; length++)
        {
            Assert.Throws<RdbFormatException>(() => RdbReader.Read(new MemoryStream(file[..length]), new Collector(), RdbLoadLimits.Default));
        }

        // A letter of the key changed: the file still parses, only the checksum tells.
        var flipped = file.ToArray();
        flipped[file.AsSpan().IndexOf("key"u8)] = (byte)'K';
        var error = Assert.Throws<RdbFormatException>(() => RdbReader.Read(new MemoryStream(flipped), new Collector(), RdbLoadLimits.Default));
        Assert.Contains("checksum", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AFileWithoutChecksumEndsWithZerosAndLoads()
    {
        var file = Write(w => w.WriteString("k"u8, "v"u8, -1), checksum: false);

        Assert.Equal(new byte[8], file[^8..]);
        Assert.Single(Read(file).Strings);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'R', (byte)'E', (byte)'D', (byte)'I', (byte)'X', (byte)'0', (byte)'0', (byte)'1', (byte)'0' }, "Wrong signature")]
    [InlineData(new byte[] { (byte)'R', (byte)'E', (byte)'D', (byte)'I', (byte)'S', (byte)'0', (byte)'0', (byte)'1', (byte)'1' }, "Can't handle RDB format version 0011")]
    [InlineData(new byte[] { (byte)'R', (byte)'E', (byte)'D', (byte)'I', (byte)'S', (byte)'0', (byte)'0', (byte)'1', (byte)'0', 15, 1, (byte)'k' }, "stream")]
    [InlineData(new byte[] { (byte)'R', (byte)'E', (byte)'D', (byte)'I', (byte)'S', (byte)'0', (byte)'0', (byte)'1', (byte)'0', 100, 1, (byte)'k' }, "Unknown RDB encoding type 100")]
    public void RefusesWhatItCannotLoadWithAClearMessage(byte[] file, string message)
    {
        var error = Assert.Throws<RdbFormatException>(() => Read(file));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string Pair((byte[] Field, byte[] Value) pair) => $"{Encoding.ASCII.GetString(pair.Field)}={Encoding.ASCII.GetString(pair.Value)}";

    [Fact]
    public void IdleAndFreqGoBetweenTheExpiryAndTheTypeAndComeBackWithTheirKeys()
    {
        var list = new ListValue();
        list.Push(Encoding.ASCII.GetBytes("x"), left: false);
        var file = Write(w =>
        {
            w.WriteString("idle"u8, "v"u8, 1_700_000_000_000, idleSeconds: 300);
            w.WriteValue("hot"u8, list, -1, frequency: 200);
            w.WriteString("plain"u8, "v"u8, -1);
        });

        // rdbSaveKeyValuePair's order: EXPIRETIME_MS, IDLE (a length: 300 is 0x41 0x2C), then the type.
        var expiry = Array.IndexOf(file, Rdb.OpExpireTimeMs);
        Assert.Equal([Rdb.OpIdle, 0x41, 0x2C, Rdb.TypeString], file[(expiry + 9)..(expiry + 13)]);
        var collector = Read(file);
        Assert.Equal([("idle", 300L, -1L), ("hot", -1L, 200L)], collector.Access);
        Assert.Equal(3, collector.Strings.Count + collector.Values.Count);
    }

    private static TypedValue RoundTripValue(TypedValue value) => Assert.Single(RoundTrip(w => w.WriteValue("k"u8, value, -1)).Values).Value;

    private static Collector RoundTrip(Action<RdbWriter> write, bool compression = true) => Read(Write(write, compression));

    private static Collector Read(byte[] file)
    {
        var collector = new Collector();
        RdbReader.Read(new MemoryStream(file), collector, RdbLoadLimits.Default);
        return collector;
    }

    private static byte[] Write(Action<RdbWriter> write, bool compression = true, bool checksum = true)
    {
        var stream = new MemoryStream();
        using var writer = new RdbWriter(stream, new RdbWriterOptions(compression, checksum));
        writer.WriteHeader();
        writer.WriteAux("redis-ver", "7.0.15");
        writer.WriteAux("redis-bits", 64);
        writer.WriteDatabase(3, 1, 0);
        write(writer);
        writer.Finish();
        return stream.ToArray();
    }

    private sealed class Collector : IRdbVisitor
    {
        public Dictionary<string, string> Aux { get; } = [];

        public List<int> Databases { get; } = [];

        public List<(long, long)> Sizes { get; } = [];

        public List<(byte[] Key, byte[] Value, long ExpiresAt)> Strings { get; } = [];

        public List<(byte[] Key, TypedValue Value, long ExpiresAt)> Values { get; } = [];

        public void OnAux(string name, ReadOnlySpan<byte> value) => Aux[name] = Encoding.UTF8.GetString(value);

        public void OnDatabase(int index) => Databases.Add(index);

        public void OnResizeDatabase(long keys, long expires) => Sizes.Add((keys, expires));

        public void OnString(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAtMs) => Strings.Add((key.ToArray(), value.ToArray(), expiresAtMs));

        public void OnValue(ReadOnlySpan<byte> key, TypedValue value, long expiresAtMs) => Values.Add((key.ToArray(), value, expiresAtMs));

        public List<(string Key, long IdleSeconds, long Frequency)> Access { get; } = [];

        public void OnAccess(ReadOnlySpan<byte> key, long idleSeconds, long frequency) => Access.Add((Encoding.UTF8.GetString(key), idleSeconds, frequency));
    }
}
