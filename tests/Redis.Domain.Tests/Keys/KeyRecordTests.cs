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
    [InlineData(300_000, 200_000)]
    public void GivesBackTheKeyAndValueItWasBuiltFrom(int keyLength, int valueLength)
    {
        var key = Bytes(keyLength, 1);
        var value = Bytes(valueLength, 2);

        var record = KeyRecord.Create(key, value);

        Assert.Equal(key, KeyRecord.Key(record).ToArray());
        Assert.Equal(key, KeyRecord.KeyMemory(record).ToArray());
        Assert.Equal(value, KeyRecord.Value(record).ToArray());
    }

    [Fact]
    public void JoinsTheValueAndItsTail()
    {
        var record = KeyRecord.Create("k"u8, "hello"u8, " world"u8);

        Assert.Equal("hello world"u8.ToArray(), KeyRecord.Value(record).ToArray());
    }

    [Fact]
    public void OverwritesTheValueOnlyWithOneOfTheSameLength()
    {
        var record = KeyRecord.Create("key"u8, "abc"u8);

        Assert.False(KeyRecord.TryOverwriteValue(record, "ab"u8));
        Assert.False(KeyRecord.TryOverwriteValue(record, "abcd"u8));
        Assert.Equal("abc"u8.ToArray(), KeyRecord.Value(record).ToArray());

        Assert.True(KeyRecord.TryOverwriteValue(record, "xyz"u8));
        Assert.Equal("xyz"u8.ToArray(), KeyRecord.Value(record).ToArray());
        Assert.Equal("key"u8.ToArray(), KeyRecord.Key(record).ToArray());
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
