using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;

namespace Redis.Domain.Tests.Keys;

/// <summary>Runs alone: the managed heap's growth is measured, which another test allocating at the same time would blur.</summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;

/// <summary>
/// The dataset figure that <c>used_memory</c> and eviction steer by (ADR 0035) against the real growth of the managed
/// heap after a full collection, per type: within 25% of it, with the collector's own slack left out.
/// </summary>
[Collection(nameof(HeapMeasurement))]
public class DatasetBytesGrowthTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Margin = 0.25;

    public static TheoryData<string> Kinds => ["short strings", "1 KB strings", "small hashes", "one large hash", "lists", "integer sets", "one large set", "small sorted sets", "one large sorted set"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheFigureFollowsTheHeap(string kind)
    {
        var databases = new Databases(1, new Random(3));
        var keyspace = databases[0];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Fill(keyspace, kind);
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        var counted = databases.DatasetBytes;

        output.WriteLine($"{kind}: counted {counted} bytes, heap grew {grown}, ratio {(double)counted / grown:F3}");
        Assert.InRange(counted, (long)(grown * (1 - Margin)), (long)(grown * (1 + Margin)));
        GC.KeepAlive(databases);
    }

    private static void Fill(Keyspace keyspace, string kind)
    {
        var hash = new HashLimits(128, 64);
        switch (kind)
        {
            case "short strings":
                for (var i = 0; i < 100_000; i++)
                {
                    keyspace.Set(Key(i), "abc"u8);
                }

                break;
            case "1 KB strings":
                var value = new byte[1024];
                for (var i = 0; i < 20_000; i++)
                {
                    keyspace.Set(Key(i), value);
                }

                break;
            case "small hashes":
                for (var i = 0; i < 20_000; i++)
                {
                    var h = new HashValue();
                    for (var f = 0; f < 10; f++)
                    {
                        h.Set(Key(f), Key(i), hash);
                    }

                    keyspace.Set(Key(i), h);
                }

                break;
            case "one large hash":
                Grow(keyspace, new HashValue(), 200_000, (v, i) => ((HashValue)v).Set(Key(i), Key(i), hash));
                break;
            case "lists":
                for (var i = 0; i < 20_000; i++)
                {
                    var list = new ListValue();
                    for (var e = 0; e < 10; e++)
                    {
                        list.Push(Key(e), left: false);
                    }

                    keyspace.Set(Key(i), list);
                }

                break;
            case "integer sets":
                for (var i = 0; i < 20_000; i++)
                {
                    var set = new SetValue();
                    for (var m = 0; m < 20; m++)
                    {
                        set.Add(Encoding.ASCII.GetBytes(m.ToString(System.Globalization.CultureInfo.InvariantCulture)), 512);
                    }

                    keyspace.Set(Key(i), set);
                }

                break;
            case "one large set":
                Grow(keyspace, new SetValue(), 200_000, (v, i) => ((SetValue)v).Add(Key(i), 512));
                break;
            case "small sorted sets":
                for (var i = 0; i < 20_000; i++)
                {
                    var zset = new SortedSetValue();
                    for (var m = 0; m < 10; m++)
                    {
                        zset.Add(Key(m), m, ZAddOptions.None, 128, 64, out _);
                    }

                    keyspace.Set(Key(i), zset);
                }

                break;
            default:
                Grow(keyspace, new SortedSetValue(), 100_000, (v, i) => ((SortedSetValue)v).Add(Key(i), i, ZAddOptions.None, 128, 64, out _));
                break;
        }
    }

    // One collection grown element by element, told to the keyspace after each change as a command does.
    private static void Grow(Keyspace keyspace, TypedValue value, int elements, Action<TypedValue, int> add)
    {
        add(value, 0);
        keyspace.Set("big"u8, value);
        for (var i = 1; i < elements; i++)
        {
            add(value, i);
            keyspace.Changed("big"u8, value);
        }
    }

    private static byte[] Key(int i) => Encoding.ASCII.GetBytes("key:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
