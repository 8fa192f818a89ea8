using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class KeyRecordTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(127, 10)]
    [InlineData(128, 0)]
    [InlineData(16_383, 5)]
    [InlineData(16_384, 5)]
    [InlineData(1_000, 100_000)]
    [InlineData(300_000, 200_000)]
    public void GivesBackTheKeyAndValueItWasBuiltFrom(int keyLength, int valueLength)
    {
        var key = Bytes(keyLength, 1);
        var value = Bytes(valueLength, 2);

        var record = Make(key, value);

        Assert.Equal(key, KeyRecord.Key(record).ToArray());
        Assert.Equal(key, KeyRecord.KeyMemory(record).ToArray());
        Assert.Equal(value, KeyRecord.Value(record).ToArray());
    }

    [Fact]
    public void JoinsTheValueAndItsTail()
    {
        var record = Make("k"u8.ToArray(), "hello"u8.ToArray(), " world"u8.ToArray());

        Assert.Equal("hello world"u8.ToArray(), KeyRecord.Value(record).ToArray());
    }

    [Theory]
    [InlineData(1, 3, 6)] // two length bytes, the key, the value: exact up to the pinned limit
    [InlineData(16, 8_000, 8_019)]
    [InlineData(1, 8_189, 10_240)] // just above 8 KiB: the 10 KiB class
    [InlineData(1_024, 102_400, 114_688)] // 103,429 bytes: the 112 KiB class
    [InlineData(0, 131_068, 131_072)] // exactly a power of two
    public void SizesSmallRecordsExactlyAndLargeOnesToAClassAtMostAQuarterLarger(int keyLength, int valueLength, int size)
    {
        Assert.Equal(size, KeyRecord.SizeFor(keyLength, valueLength));
    }

    [Fact]
    public void OverwritesASmallRecordsValueOnlyWithOneOfTheSameLength()
    {
        var record = Make("key"u8.ToArray(), "abc"u8.ToArray());

        Assert.False(KeyRecord.TryOverwriteValue(record, "ab"u8));
        Assert.False(KeyRecord.TryOverwriteValue(record, "abcd"u8));
        Assert.Equal("abc"u8.ToArray(), KeyRecord.Value(record).ToArray());

        Assert.True(KeyRecord.TryOverwriteValue(record, "xyz"u8));
        Assert.Equal("xyz"u8.ToArray(), KeyRecord.Value(record).ToArray());
        Assert.Equal("key"u8.ToArray(), KeyRecord.Key(record).ToArray());
    }

    [Fact]
    public void OverwritesALargeRecordsValueWithAnyValueOfTheSameSizeClass()
    {
        var record = Make("key"u8.ToArray(), Bytes(100_000, 1));

        var shorter = Bytes(99_000, 2);
        Assert.True(KeyRecord.TryOverwriteValue(record, shorter));
        Assert.Equal(shorter, KeyRecord.Value(record).ToArray());

        Assert.False(KeyRecord.TryOverwriteValue(record, Bytes(200_000, 3)));
        Assert.False(KeyRecord.TryOverwriteValue(record, Bytes(50_000, 3)));
        Assert.Equal(shorter, KeyRecord.Value(record).ToArray());
        Assert.Equal("key"u8.ToArray(), KeyRecord.Key(record).ToArray());
    }

    [Fact]
    public void AppendsInPlaceWhileTheValueFitsTheSizeClass()
    {
        var value = Bytes(100_000, 1);
        var record = Make("key"u8.ToArray(), value); // the 112 KiB class

        var suffix = Bytes(10_000, 2);
        Assert.True(KeyRecord.TryAppendValue(record, suffix));
        Assert.Equal([.. value, .. suffix], KeyRecord.Value(record).ToArray());

        Assert.False(KeyRecord.TryAppendValue(record, Bytes(10_000, 3)));
        Assert.Equal([.. value, .. suffix], KeyRecord.Value(record).ToArray());
        Assert.Equal("key"u8.ToArray(), KeyRecord.Key(record).ToArray());
    }

    [Fact]
    public void AppendsToASmallRecordOnlyInANewOne()
    {
        var record = Make("key"u8.ToArray(), "abc"u8.ToArray());

        Assert.False(KeyRecord.TryAppendValue(record, "d"u8));
        Assert.Equal("abc"u8.ToArray(), KeyRecord.Value(record).ToArray());
    }

    private static byte[] Make(byte[] key, byte[] value, byte[]? tail = null)
    {
        var record = KeyRecord.Allocate(KeyRecord.SizeFor(key.Length, value.Length + (tail?.Length ?? 0)));
        KeyRecord.Write(record, key, value, tail);
        return record;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
