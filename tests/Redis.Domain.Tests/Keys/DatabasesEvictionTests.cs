using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;

namespace Redis.Domain.Tests.Keys;

/// <summary>What the eviction policies choose (Redis's <c>performEvictions</c>), and the dataset figure they steer by.</summary>
public class DatabasesEvictionTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Databases _databases = new(4, new Random(11));
    private readonly EvictionPool _pool = new();

    [Fact]
    public void VolatileTtlEvictsTheNearestExpiryFirstAcrossDatabases()
    {
        _databases[0].Set("late"u8, "v"u8, Now + 9000);
        _databases[2].Set("soon"u8, "v"u8, Now + 1000);
        _databases[1].Set("middle"u8, "v"u8, Now + 5000);
        _databases[3].Set("forever"u8, "v"u8);

        var order = new List<(int, string)>();
        while (_databases.TryEvictOne(EvictionPolicy.VolatileTtl, samples: 5, _pool, out var database, out var key, out var freed))
        {
            Assert.True(freed > 0);
            order.Add((database, System.Text.Encoding.ASCII.GetString(key)));
        }

        Assert.Equal([(2, "soon"), (1, "middle"), (0, "late")], order);
        Assert.True(_databases[3].Exists("forever"u8, Now));
    }

    [Fact]
    public void TheVolatilePoliciesLeaveKeysWithoutATtlAndTheRandomOnesTakeAny()
    {
        _databases[0].Set("a"u8, "v"u8);
        _databases[1].Set("b"u8, "v"u8);

        Assert.False(_databases.TryEvictOne(EvictionPolicy.VolatileRandom, 5, _pool, out _, out _, out _));
        Assert.False(_databases.TryEvictOne(EvictionPolicy.VolatileTtl, 5, _pool, out _, out _, out _));
        Assert.False(_databases.TryEvictOne(EvictionPolicy.NoEviction, 5, _pool, out _, out _, out _));
        Assert.True(_databases.TryEvictOne(EvictionPolicy.AllKeysRandom, 5, _pool, out _, out _, out _));
        Assert.True(_databases.TryEvictOne(EvictionPolicy.AllKeysRandom, 5, _pool, out _, out _, out _));
        Assert.Equal(0, _databases.KeyCount);
        Assert.False(_databases.TryEvictOne(EvictionPolicy.AllKeysRandom, 5, _pool, out _, out _, out _));
    }

    [Fact]
    public void AGhostInThePoolIsSkipped()
    {
        _databases[0].Set("gone"u8, "v"u8, Now + 1000);
        _databases[0].Set("kept"u8, "v"u8, Now + 2000);
        _databases[0].PopulateEvictionPool(EvictionPolicy.VolatileTtl, 5, _pool);
        _databases[0].Remove("gone"u8, Now);

        Assert.True(_databases.TryEvictOne(EvictionPolicy.VolatileTtl, 5, _pool, out _, out var key, out _));
        Assert.Equal("kept"u8.ToArray(), key);
    }

    [Fact]
    public void AnEvictionMarksTheKeysWatchesAndIsNotAnExpiry()
    {
        _databases[0].Set("k"u8, "v"u8, Now + 1000);
        var watch = _databases[0].Watch("k"u8, Now);

        Assert.True(_databases.TryEvictOne(EvictionPolicy.VolatileTtl, 5, _pool, out _, out _, out _));

        Assert.True(watch.IsTouched);
        Assert.Equal(0, _databases.ExpiredKeys);
    }

    [Fact]
    public void TheDatasetFigureIsTheSumOfTheKeysFootprintsThroughEveryKindOfChange()
    {
        var keyspace = _databases[0];
        keyspace.Set("s"u8, "abc"u8);
        keyspace.Set("s"u8, "xyz"u8);
        keyspace.Set("s"u8, new byte[20_000]);
        keyspace.Append("s"u8, new byte[7000], Now);
        keyspace.Set("t"u8, "v"u8, Now + 1000);
        keyspace.Persist("t"u8, Now);
        keyspace.SetExpiry("t"u8, Now + 5000, Now);
        keyspace.Rename("t"u8, "renamed"u8, Now);

        var set = new SetValue();
        keyspace.Set("set"u8, set);
        for (var i = 0; i < 100; i++)
        {
            set.Add(System.Text.Encoding.ASCII.GetBytes("member" + i), 512);
            keyspace.Changed("set"u8, set);
        }

        var list = new ListValue();
        keyspace.Set("list"u8, list);
        list.Push("a"u8.ToArray(), left: true);
        keyspace.Changed("list"u8, list);
        keyspace.MoveTo("list"u8, _databases[1], Now);
        keyspace.Set("gone"u8, "v"u8);
        keyspace.Remove("gone"u8, Now);

        Assert.Equal(SumOfFootprints(), _databases.DatasetBytes);
        var before = _databases.DatasetBytes;
        _databases.Clear();
        Assert.Equal(0, _databases.DatasetBytes);
        Assert.True(before > 20_000);
    }

    [Fact]
    public void ALargeSetIsCountedAgainOnceItsSizeMovedByAnEighth()
    {
        var keyspace = _databases[0];
        var set = new SetValue();
        keyspace.Set("set"u8, set);
        for (var i = 0; i < 1000; i++)
        {
            set.Add(System.Text.Encoding.ASCII.GetBytes("member" + i), 0);
            keyspace.Changed("set"u8, set);
        }

        var counted = _databases.DatasetBytes;
        set.Add("one more"u8, 0);
        keyspace.Changed("set"u8, set);
        Assert.Equal(counted, _databases.DatasetBytes);
        Assert.True(SumOfFootprints() - counted < counted / 8);
    }

    private long SumOfFootprints()
    {
        long total = 0;
        for (var i = 0; i < _databases.Count; i++)
        {
            foreach (var key in _databases[i].LiveKeys(Now).ToList())
            {
                Assert.True(_databases[i].TryGetFootprint(key.Span, Now, out var bytes));
                total += bytes;
            }
        }

        return total;
    }}
