using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class RecordPoolTests
{
    private const int Large = 114_688;

    [Fact]
    public void HandsOutARetiredRecordOfTheSameSizeOnceRecycled()
    {
        var pool = new RecordPool();
        var record = pool.Rent(Large);
        pool.Retire(record);

        Assert.NotSame(record, pool.Rent(Large));
        pool.Recycle();
        Assert.NotSame(record, pool.Rent(Large + 16_384));
        Assert.Same(record, pool.Rent(Large));
        Assert.Equal(0, pool.Bytes);
    }

    [Fact]
    public void KeepsNoMoreThanItsCapacity()
    {
        var pool = new RecordPool();
        var count = (int)(RecordPool.CapacityBytes / Large) + 5;
        for (var i = 0; i < count; i++)
        {
            pool.Retire(new byte[Large]);
        }

        Assert.True(pool.Bytes <= RecordPool.CapacityBytes);
        Assert.True(pool.Bytes > RecordPool.CapacityBytes - Large);
    }

    [Fact]
    public void KeepsNoSmallRecords()
    {
        var pool = new RecordPool();
        pool.Retire(new byte[KeyRecord.PinnedLimit]);

        Assert.Equal(0, pool.Bytes);
    }

    [Fact]
    public void ForgetsEverythingOnClear()
    {
        var pool = new RecordPool();
        var record = new byte[Large];
        pool.Retire(record);
        pool.Recycle();

        pool.Clear();

        Assert.Equal(0, pool.Bytes);
        Assert.NotSame(record, pool.Rent(Large));
    }
}
