using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Hashes;

/// <summary>The hash's two encodings: insertion order and in-place updates while small, conversion at Redis's thresholds, and HSCAN's guarantee.</summary>
public class HashValueTests
{
    private static readonly HashLimits Small = new(4, 8);

    private static byte[] B(string text) => Encoding.ASCII.GetBytes(text);

    private static string[] Fields(HashValue hash)
    {
        var fields = new string[hash.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Encoding.ASCII.GetString(hash.FieldAt(i));
        }

        return fields;
    }

    [Fact]
    public void StartsAsAnEmptyListpackHash()
    {
        var hash = new HashValue();

        Assert.Equal(KeyType.Hash, hash.Type);
        Assert.Equal("listpack", hash.Encoding);
        Assert.Equal(0, hash.Count);
        Assert.False(hash.Contains("a"u8));
        Assert.False(hash.TryGetValue("a"u8, out _));
    }

    [Fact]
    public void SetAddsNewFieldsAtTheEndAndUpdatesInPlace()
    {
        var hash = new HashValue();

        Assert.True(hash.Set("a"u8, B("1"), Small));
        Assert.True(hash.Set("b"u8, B("2"), Small));
        Assert.True(hash.Set("c"u8, B("3"), Small));
        Assert.False(hash.Set("a"u8, B("updated"), Small));

        Assert.Equal(["a", "b", "c"], Fields(hash));
        Assert.True(hash.TryGetValue("a"u8, out var value));
        Assert.Equal("updated", Encoding.ASCII.GetString(value));
        Assert.Equal(3, hash.Count);
    }

    [Fact]
    public void UpdatingAValueReplacesTheArrayAndLeavesTheOldBytesAlone()
    {
        var hash = new HashValue();
        var first = B("first");
        hash.Set("a"u8, first, Small);

        hash.Set("a"u8, B("second"), Small);

        Assert.Equal("first", Encoding.ASCII.GetString(first));
        Assert.Equal("second", Encoding.ASCII.GetString(hash.ValueAt(0)));
    }

    [Fact]
    public void RemoveKeepsTheOrderOfTheRestWhileListpack()
    {
        var hash = new HashValue();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            hash.Set(B(name), B(name), Small);
        }

        Assert.True(hash.Remove("b"u8));
        Assert.False(hash.Remove("b"u8));
        Assert.False(hash.Remove("zz"u8));

        Assert.Equal(["a", "c", "d"], Fields(hash));
        Assert.Equal("listpack", hash.Encoding);
    }

    [Fact]
    public void ConvertsToHashtableOncePastTheEntryLimitAndNeverBack()
    {
        var hash = new HashValue();
        for (var i = 0; i < 4; i++)
        {
            hash.Set(B($"f{i}"), B("v"), Small);
        }

        Assert.Equal("listpack", hash.Encoding);

        hash.Set("f4"u8, B("v"), Small);
        Assert.Equal("hashtable", hash.Encoding);

        hash.Remove("f0"u8);
        hash.Remove("f1"u8);
        hash.Remove("f2"u8);
        Assert.Equal("hashtable", hash.Encoding);
        Assert.True(hash.Contains("f3"u8));
        Assert.True(hash.Contains("f4"u8));
        Assert.False(hash.Contains("f0"u8));
    }

    [Fact]
    public void UpdatingAtTheEntryLimitDoesNotConvert()
    {
        var hash = new HashValue();
        for (var i = 0; i < 4; i++)
        {
            hash.Set(B($"f{i}"), B("v"), Small);
        }

        hash.Set("f0"u8, B("again"), Small);

        Assert.Equal("listpack", hash.Encoding);
    }

    [Theory]
    [InlineData("12345678", "v", "listpack")]
    [InlineData("123456789", "v", "hashtable")]
    [InlineData("f", "12345678", "listpack")]
    [InlineData("f", "123456789", "hashtable")]
    public void ConvertsWhenAFieldOrValueIsLongerThanTheValueLimit(string name, string value, string encoding)
    {
        var hash = new HashValue();
        hash.Set("a"u8, B("1"), Small);

        hash.Set(B(name), B(value), Small);

        Assert.Equal(encoding, hash.Encoding);
        Assert.True(hash.TryGetValue(B(name), out var stored));
        Assert.Equal(value, Encoding.ASCII.GetString(stored));
        Assert.True(hash.Contains("a"u8));
    }

    [Fact]
    public void HashtableFindsEveryFieldAfterRemovalsMoveTheLast()
    {
        var hash = new HashValue();
        for (var i = 0; i < 100; i++)
        {
            hash.Set(B($"f{i}"), B($"v{i}"), Small);
        }

        for (var i = 0; i < 100; i += 3)
        {
            Assert.True(hash.Remove(B($"f{i}")));
        }

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i % 3 != 0, hash.TryGetValue(B($"f{i}"), out var value));
            if (i % 3 != 0)
            {
                Assert.Equal($"v{i}", Encoding.ASCII.GetString(value));
            }
        }

        Assert.Equal(66, hash.Count);
    }

    [Fact]
    public void ScanVisitsEveryFieldPresentThroughoutDespiteRemovalsAndAdditions()
    {
        var hash = new HashValue();
        for (var i = 0; i < 200; i++)
        {
            hash.Set(B($"f{i}"), B("v"), Small);
        }

        var seen = new HashSet<string>();
        long cursor = 0;
        var step = 0;
        do
        {
            cursor = hash.ScanStep(cursor, 7, out var from, out var to);
            for (var i = to - 1; i >= from; i--)
            {
                seen.Add(Encoding.ASCII.GetString(hash.FieldAt(i)));
            }

            // Between steps, remove a field (an odd one: never one of those that must be seen) and add a new one.
            hash.Remove(B($"f{(2 * step) + 1}"));
            hash.Set(B($"new{step}"), B("v"), Small);
            step++;
        }
        while (cursor != 0 && step < 1000);

        Assert.Equal(0, cursor);
        for (var i = 0; i < 200; i += 2)
        {
            Assert.Contains($"f{i}", seen);
        }
    }

    [Fact]
    public void ScanRestartsFromTheEndForACursorBeyondTheHash()
    {
        var hash = new HashValue();
        for (var i = 0; i < 10; i++)
        {
            hash.Set(B($"f{i}"), B("v"), Small);
        }

        var next = hash.ScanStep(1000, 4, out var from, out var to);

        Assert.Equal((10, 6, 6L), (to, from, next));
        Assert.Equal(0, hash.ScanStep(4, 100, out from, out to));
        Assert.Equal((0, 4), (from, to));
    }

    [Fact]
    public void FootprintGrowsWithContentAndShrinksOnRemoval()
    {
        var hash = new HashValue();
        var empty = hash.Footprint;

        hash.Set("field"u8, new byte[50], HashLimits.Default);
        var one = hash.Footprint;
        Assert.True(one >= empty + 50 + 5);

        hash.Remove("field"u8);
        Assert.Equal(empty, hash.Footprint);

        for (var i = 0; i < 600; i++)
        {
            hash.Set(B($"f{i}"), B("v"), HashLimits.Default);
        }

        Assert.Equal("hashtable", hash.Encoding);
        Assert.True(hash.Footprint > 600 * 64);
    }

    [Fact]
    public void ListpackValuesOfAnyLengthKeepTheirPositionAndBytesHandedOut()
    {
        var limits = new HashLimits(512, 100_000);
        var hash = new HashValue();
        hash.Set("a"u8, B("1"), limits);
        hash.Set("b"u8, B("2"), limits);
        hash.Set("c"u8, B("3"), limits);
        var before = hash.ValueAt(1);

        var longer = new byte[20_000];
        Array.Fill(longer, (byte)'x');
        Assert.False(hash.Set("b"u8, longer, limits));
        Assert.False(hash.Set("a"u8, B("9"), limits));

        Assert.Equal("listpack", hash.Encoding);
        Assert.Equal(["a", "b", "c"], Fields(hash));
        Assert.Equal(longer, hash.ValueAt(1));
        Assert.Equal("9", Encoding.ASCII.GetString(hash.ValueAt(0)));
        Assert.True(hash.TryGetValue("c"u8, out var c));
        Assert.Equal("3", Encoding.ASCII.GetString(c));
        Assert.Equal("2", Encoding.ASCII.GetString(before));

        Assert.True(hash.Remove("b"u8));
        Assert.Equal(["a", "c"], Fields(hash));
        Assert.Equal("3", Encoding.ASCII.GetString(hash.ValueAt(1)));
    }
}
