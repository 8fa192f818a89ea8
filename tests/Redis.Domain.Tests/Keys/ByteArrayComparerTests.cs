using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class ByteArrayComparerTests
{
    private static readonly ByteArrayComparer Comparer = ByteArrayComparer.Instance;

    public static TheoryData<byte[]> Keys => new()
    {
        Array.Empty<byte>(),
        "key"u8.ToArray(),
        new byte[] { 0, 0xff, (byte)'\r', (byte)'\n' },
        Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void HashesSpanAndArrayOfTheSameBytesAlike(byte[] key)
    {
        var copy = key.ToArray();

        Assert.Equal(Comparer.GetHashCode(key), Comparer.GetHashCode(copy.AsSpan()));
        Assert.True(Comparer.Equals(key, copy));
        Assert.True(Comparer.Equals(copy.AsSpan(), key));
    }

    [Theory]
    [InlineData("key", "kez")]
    [InlineData("key", "Key")]
    [InlineData("key", "key ")]
    [InlineData("", "a")]
    public void TreatsDifferentBytesAsDifferentKeys(string left, string right)
    {
        var x = System.Text.Encoding.UTF8.GetBytes(left);
        var y = System.Text.Encoding.UTF8.GetBytes(right);

        Assert.False(Comparer.Equals(x, y));
        Assert.False(Comparer.Equals(x.AsSpan(), y));
    }

    [Fact]
    public void TreatsNullAsEqualOnlyToNull()
    {
        byte[]? missing = null;
        byte[] empty = [];

        Assert.True(Comparer.Equals(missing, missing));
        Assert.False(Comparer.Equals(missing, empty));
        Assert.False(Comparer.Equals(empty, missing));
    }

    [Fact]
    public void FindsTheSameEntryBySpanAsByArray()
    {
        var dictionary = new Dictionary<byte[], int>(Comparer);
        var lookup = dictionary.GetAlternateLookup<ReadOnlySpan<byte>>();
        for (var i = 0; i < 500; i++)
        {
            dictionary[System.Text.Encoding.ASCII.GetBytes($"key:{i}")] = i;
        }

        for (var i = 0; i < 500; i++)
        {
            var key = System.Text.Encoding.ASCII.GetBytes($"key:{i}");
            Assert.True(dictionary.TryGetValue(key, out var byArray));
            Assert.True(lookup.TryGetValue(key.AsSpan(), out var bySpan));
            Assert.Equal(i, byArray);
            Assert.Equal(i, bySpan);
        }

        Assert.False(lookup.TryGetValue("key:500"u8, out _));
    }

    [Fact]
    public void CreatesACopyOfTheSpanWhenAddingBySpan()
    {
        var buffer = "key"u8.ToArray();

        var created = Comparer.Create(buffer);
        buffer[0] = (byte)'X';

        Assert.Equal("key"u8.ToArray(), created);
    }
}
