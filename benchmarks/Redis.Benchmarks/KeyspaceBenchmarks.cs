using System.Text;
using BenchmarkDotNet.Attributes;
using Redis.Domain.Keys;

namespace Redis.Benchmarks;

/// <summary>Keyspace lookups with a million keys, half of them with a TTL, against the sweep's bounded cost.</summary>
[MemoryDiagnoser]
public class KeyspaceBenchmarks
{
    private const int Keys = 1_000_000;
    private readonly Keyspace _keyspace = new(new Random(42));
    private byte[] _key = [];
    private readonly byte[] _value = "xxx"u8.ToArray();
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < Keys; i++)
        {
            _keyspace.Set(Encoding.ASCII.GetBytes($"key:{i:D12}"), _value, i % 2 == 0 ? _now + 3_600_000 : Entry.NoExpiry);
        }

        _key = Encoding.ASCII.GetBytes("key:000000123456");
    }

    [Benchmark]
    public KeyLookup GetHit() => _keyspace.Get(_key, _now, out _);

    [Benchmark]
    public void SetExisting() => _keyspace.Set(_key, _value);

    [Benchmark]
    public int SweepWithNothingExpired() => _keyspace.SweepExpired(_now).Reclaimed;
}
