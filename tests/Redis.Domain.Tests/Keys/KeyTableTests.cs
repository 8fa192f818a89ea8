using System.Text;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class KeyTableTests
{
    [Fact]
    public void FindsEveryKeyAcrossIndexGrowthAndSegmentBoundaries()
    {
        var table = new KeyTable(new RecordPool());
        const int keys = 300_000; // more than two segments of slots, and many doublings of the index

        for (var i = 0; i < keys; i++)
        {
            Assert.Equal(i, table.Add(Key(i), Value(i), Entry.NoExpiry));
        }

        Assert.Equal(keys, table.Count);
        for (var i = 0; i < keys; i++)
        {
            Assert.Equal(i, table.Find(Key(i)));
        }

        Assert.Equal(-1, table.Find(Key(keys)));
    }

    [Fact]
    public void KeepsSlotsDenseAndEveryLookupRightAfterRandomRemovals()
    {
        var table = new KeyTable(new RecordPool());
        var random = new Random(42);
        var present = new HashSet<int>();
        for (var i = 0; i < 50_000; i++)
        {
            table.Add(Key(i), Value(i), i);
            present.Add(i);
        }

        // Remove two thirds in random order, then add some back: backward shifts and slot moves in every pattern.
        foreach (var i in Enumerable.Range(0, 50_000).OrderBy(_ => random.Next()).Take(33_000))
        {
            table.RemoveAt(table.Find(Key(i)));
            present.Remove(i);
        }

        for (var i = 0; i < 50_000; i += 7)
        {
            if (present.Add(i))
            {
                table.Add(Key(i), Value(i), i);
            }
        }

        Assert.Equal(present.Count, table.Count);
        for (var i = 0; i < 50_000; i++)
        {
            var position = table.Find(Key(i));
            Assert.Equal(present.Contains(i), position >= 0);
            if (position >= 0)
            {
                ref var slot = ref table[position];
                Assert.Equal(Value(i), KeyRecord.Value((byte[])slot.Record).ToArray());
                Assert.Equal(i, slot.ExpiresAt);
            }
        }

        for (var position = 0; position < table.Count; position++)
        {
            Assert.Equal(position, table.Find(KeyRecord.Key((byte[])table[position].Record)));
        }
    }

    [Fact]
    public void WritesASameLengthValueOverTheOldOneAndAnyOtherIntoANewRecord()
    {
        var table = new KeyTable(new RecordPool());
        var position = table.Add("k"u8, "abc"u8, Entry.NoExpiry);
        var record = (byte[])table[position].Record;

        table.Replace(position, "xyz"u8);
        Assert.Same(record, table[position].Record);
        Assert.Equal("xyz"u8.ToArray(), KeyRecord.Value(record).ToArray());

        table.Replace(position, "longer"u8);
        Assert.NotSame(record, table[position].Record);
        Assert.Equal("xyz"u8.ToArray(), KeyRecord.Value(record).ToArray());
        Assert.Equal("longer"u8.ToArray(), KeyRecord.Value((byte[])table[position].Record).ToArray());
        Assert.Equal("k"u8.ToArray(), KeyRecord.Key((byte[])table[position].Record).ToArray());
    }

    [Fact]
    public void ReplaceWithoutOverwriteLeavesTheOldRecordIntactGivenAValueOfTheSameSize()
    {
        var table = new KeyTable(new RecordPool());
        var position = table.Add("k"u8, "abc"u8, Entry.NoExpiry);
        var record = (byte[])table[position].Record;

        table.Replace(position, "xyz"u8, overwrite: false);

        Assert.NotSame(record, table[position].Record);
        Assert.Equal("abc"u8.ToArray(), KeyRecord.Value(record).ToArray());
        Assert.Equal("xyz"u8.ToArray(), KeyRecord.Value((byte[])table[position].Record).ToArray());
    }

    [Fact]
    public void ReusesALargeRecordAKeyGaveBackOnlyAfterRecycle()
    {
        var table = new KeyTable(new RecordPool());
        var big = new byte[100_000];
        table.Add("a"u8, big, Entry.NoExpiry);
        var retired = (byte[])table[0].Record;
        table.RemoveAt(0);

        // Until the replies that may read it are encoded, the record is not handed out again.
        table.Add("b"u8, big, Entry.NoExpiry);
        Assert.NotSame(retired, table[0].Record);

        table.Recycle();
        table.Add("c"u8, big, Entry.NoExpiry);
        Assert.Same(retired, table[1].Record);
        Assert.Equal("c"u8.ToArray(), KeyRecord.Key(retired).ToArray());
    }

    [Fact]
    public void LeavesSmallRecordsToTheCollector()
    {
        var table = new KeyTable(new RecordPool());
        table.Add("a"u8, "v"u8, Entry.NoExpiry);
        var retired = (byte[])table[0].Record;
        table.RemoveAt(0);
        table.Recycle();

        table.Add("b"u8, "v"u8, Entry.NoExpiry);

        Assert.NotSame(retired, table[0].Record);
    }

    [Fact]
    public void StartsOverEmptyAfterClear()
    {
        var table = new KeyTable(new RecordPool());
        for (var i = 0; i < 1000; i++)
        {
            table.Add(Key(i), Value(i), Entry.NoExpiry);
        }

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.Find(Key(1)));
        Assert.Equal(0, table.Add(Key(1), Value(1), Entry.NoExpiry));
    }

    private static byte[] Key(int i) => Encoding.ASCII.GetBytes($"key:{i:D12}");

    private static byte[] Value(int i) => Encoding.ASCII.GetBytes($"v{i % 97}");
}
