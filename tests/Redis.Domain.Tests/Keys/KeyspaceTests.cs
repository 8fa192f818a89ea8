using System.Text;
using FsCheck.Xunit;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class KeyspaceTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Keyspace _keyspace = new(new Random(1234));

    [Fact]
    public void ReturnsStoredValueAfterSet()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
        Assert.Equal(1, _keyspace.Count);
    }

    [Fact]
    public void ReportsMissingGivenUnknownKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(KeyLookup.Missing, _keyspace.Get("other"u8, Now, out var entry));
        Assert.False(_keyspace.Exists("K"u8, Now));
        Assert.True(entry.Value.IsEmpty);
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheKey()
    {
        var key = "k"u8.ToArray();

        _keyspace.Set(key, "v"u8.ToArray());
        key[0] = (byte)'x';

        Assert.True(_keyspace.Exists("k"u8, Now));
        Assert.False(_keyspace.Exists("x"u8, Now));
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheValue()
    {
        var value = "v"u8.ToArray();

        _keyspace.Set("k"u8, value);
        value[0] = (byte)'x';

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value.ToArray());
    }

    [Fact]
    public void ValueReadBeforeAWriteOfAnotherLengthKeepsTheOldBytes()
    {
        _keyspace.Set("k"u8, "old"u8);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var before));

        _keyspace.Set("k"u8, "longer"u8);

        Assert.Equal("old"u8.ToArray(), before.Value.ToArray());
    }

    [Fact]
    public void ExchangeHandsBackTheReplacedValueIntactGivenANewValueOfTheSameLength()
    {
        _keyspace.Set("k"u8, "old"u8, Now + 1000);

        Assert.Equal(KeyLookup.Found, _keyspace.Exchange("k"u8, "new"u8, Entry.NoExpiry, Now, out var replaced));

        Assert.Equal("old"u8.ToArray(), replaced.ToArray());
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("new"u8.ToArray(), entry.Value.ToArray());
        Assert.False(entry.HasExpiry);
        Assert.Equal(0, _keyspace.VolatileCount);
    }

    [Fact]
    public void ExchangeKeepsALargeReplacedValueIntactUntilTheRecordsAreRecycled()
    {
        var old = Enumerable.Repeat((byte)'o', 100_000).ToArray();
        _keyspace.Set("k"u8, old);

        Assert.Equal(KeyLookup.Found, _keyspace.Exchange("k"u8, new byte[100_000], Entry.NoExpiry, Now, out var replaced));
        _keyspace.Set("other"u8, new byte[100_000]);

        Assert.Equal(old, replaced.ToArray());
    }

    [Fact]
    public void ExchangeStoresTheValueWithItsExpiryAndReportsNothingReplacedGivenAMissingOrExpiredKey()
    {
        _keyspace.Set("stale"u8, "old"u8, Now - 1);

        Assert.Equal(KeyLookup.Missing, _keyspace.Exchange("stale"u8, "v"u8, Now + 1000, Now, out var replaced));
        Assert.Equal(KeyLookup.Missing, _keyspace.Exchange("missing"u8, "v"u8, Now + 1000, Now, out _));

        Assert.True(replaced.IsEmpty);
        Assert.Equal(1, _keyspace.ExpiredKeys);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("stale"u8, Now, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(Now + 1000, entry.ExpiresAt);
        Assert.Equal(2, _keyspace.VolatileCount);
    }

    [Fact]
    public void SetKeepTtlKeepsTheTtlOfALiveKey()
    {
        _keyspace.Set("k"u8, "1"u8, Now + 1000);

        _keyspace.SetKeepTtl("k"u8, "2"u8, Now);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("2"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(Now + 1000, entry.ExpiresAt);
        Assert.Equal(1, _keyspace.VolatileCount);
    }

    [Fact]
    public void SetKeepTtlCreatesAMissingOrExpiredKeyWithoutTtl()
    {
        _keyspace.Set("stale"u8, "1"u8, Now - 1);

        _keyspace.SetKeepTtl("stale"u8, "2"u8, Now);
        _keyspace.SetKeepTtl("missing"u8, "3"u8, Now);

        Assert.Equal(1, _keyspace.ExpiredKeys);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("stale"u8, Now, out var stale));
        Assert.Equal("2"u8.ToArray(), stale.Value.ToArray());
        Assert.False(stale.HasExpiry);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("missing"u8, Now, out var missing));
        Assert.Equal("3"u8.ToArray(), missing.Value.ToArray());
        Assert.Equal(0, _keyspace.VolatileCount);
    }

    [Fact]
    public void AppendsToALiveKeyKeepingItsTtl()
    {
        _keyspace.Set("k"u8, "hello"u8, Now + 1000);

        Assert.Equal(KeyLookup.Found, _keyspace.Append("k"u8, " world"u8, Now));
        Assert.Equal(KeyLookup.Missing, _keyspace.Append("missing"u8, "x"u8, Now));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("hello world"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(Now + 1000, entry.ExpiresAt);
        Assert.False(_keyspace.Exists("missing"u8, Now));
    }

    [Fact]
    public void AppendsToALargeValueAcrossSizeClasses()
    {
        var expected = new List<byte>();
        var chunk = new byte[3_000];
        for (var i = 0; i < 40; i++)
        {
            Array.Fill(chunk, (byte)i);
            if (i == 0)
            {
                _keyspace.Set("k"u8, chunk, Now + 1000);
            }
            else
            {
                Assert.Equal(KeyLookup.Found, _keyspace.Append("k"u8, chunk, Now));
            }

            expected.AddRange(chunk);
        }

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal(expected.ToArray(), entry.Value.ToArray());
        Assert.Equal(Now + 1000, entry.ExpiresAt);
    }

    [Fact]
    public void ClearsTtlWhenOverwrittenWithoutExpiry()
    {
        _keyspace.Set("k"u8, "old"u8.ToArray(), Now + 1000);

        _keyspace.Set("k"u8, "new"u8.ToArray());

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now + 5000, out var entry));
        Assert.Equal("new"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
        Assert.Equal(0, _keyspace.VolatileCount);
    }

    [Fact]
    public void ReplacesTtlWhenOverwrittenWithAnotherExpiry()
    {
        _keyspace.Set("k"u8, "old"u8.ToArray(), Now + 1000);

        _keyspace.Set("k"u8, "new"u8.ToArray(), Now + 9000);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now + 5000, out var entry));
        Assert.Equal(Now + 9000, entry.ExpiresAt);
        Assert.Equal(1, _keyspace.VolatileCount);
    }

    [Fact]
    public void ReturnsKeyAtItsExactExpiryInstantAndRemovesItOneMillisecondLater()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out _));
        Assert.Equal(1, _keyspace.Count);

        Assert.Equal(KeyLookup.Missing, _keyspace.Get("k"u8, Now + 1, out _));
        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void RemovesExpiredKeyWhenExistsIsAsked()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now);

        Assert.False(_keyspace.Exists("k"u8, Now + 1));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void CountsEachExpiredKeyOnceOnly()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now);

        _keyspace.Get("k"u8, Now + 1, out _);
        _keyspace.Get("k"u8, Now + 2, out _);

        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void SetsExpiryOnLiveKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.True(_keyspace.SetExpiry("k"u8, Now + 1000, Now));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now + 1000, out var entry));
        Assert.Equal(Now + 1000, entry.ExpiresAt);
        Assert.False(_keyspace.Exists("k"u8, Now + 1001));
    }

    [Fact]
    public void DoesNotTrackKeyTwiceWhenItsExpiryChanges()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now + 1000);

        _keyspace.SetExpiry("k"u8, Now + 2000, Now);
        _keyspace.SetExpiry("k"u8, Now + 3000, Now);

        Assert.Equal(1, _keyspace.VolatileCount);
    }

    [Theory]
    [InlineData(Now)]
    [InlineData(Now - 1)]
    [InlineData(long.MinValue)]
    public void DeletesKeyGivenExpiryAtOrBeforeNow(long expiresAt)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now + 1000);

        Assert.True(_keyspace.SetExpiry("k"u8, expiresAt, Now));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.Equal(0, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void RefusesToSetExpiryGivenMissingKey()
    {
        Assert.False(_keyspace.SetExpiry("k"u8, Now + 1000, Now));
        Assert.Equal(0, _keyspace.Count);
    }

    [Fact]
    public void RefusesToSetExpiryGivenExpiredKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now);

        Assert.False(_keyspace.SetExpiry("k"u8, Now + 5000, Now + 1));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void ReturnsTrueWhenRemovingLiveKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now + 1000);

        Assert.True(_keyspace.Remove("k"u8, Now));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.False(_keyspace.Remove("k"u8, Now));
    }

    [Fact]
    public void ReturnsFalseWhenRemovingExpiredKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Now);

        Assert.False(_keyspace.Remove("k"u8, Now + 1));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void TracksVolatileCountAcrossSetExpirePersistAndRemove()
    {
        _keyspace.Set("a"u8, "1"u8.ToArray());
        Assert.Equal(0, _keyspace.VolatileCount);

        _keyspace.Set("b"u8, "2"u8.ToArray(), Now + 1000);
        Assert.Equal(1, _keyspace.VolatileCount);

        _keyspace.SetExpiry("a"u8, Now + 1000, Now);
        Assert.Equal(2, _keyspace.VolatileCount);

        _keyspace.Set("a"u8, "1"u8.ToArray());
        Assert.Equal(1, _keyspace.VolatileCount);

        _keyspace.Remove("b"u8, Now);
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.Equal(1, _keyspace.Count);
    }

    [Fact]
    public void KeepsVolatileIndexConsistentAfterManySwapRemovals()
    {
        const int keys = 1000;
        var persistent = new List<string>();
        var volatileLeft = 0;
        for (var i = 0; i < keys; i++)
        {
            _keyspace.Set(Key(i), "v"u8.ToArray(), Now + 1000 + i);
        }

        for (var i = 0; i < keys; i++)
        {
            if (i % 3 == 0)
            {
                Assert.True(_keyspace.Remove(Key(i), Now));
            }
            else if (i % 5 == 0)
            {
                _keyspace.Set(Key(i), "p"u8.ToArray());
                persistent.Add($"key:{i}");
            }
            else
            {
                volatileLeft++;
            }
        }

        Assert.Equal(volatileLeft, _keyspace.VolatileCount);
        Assert.Equal(volatileLeft + persistent.Count, _keyspace.Count);

        // A sweep only finds keys through the volatile array: a stale index would leave keys behind or drop the wrong ones.
        var afterAllExpired = Now + 1000 + keys;
        for (var sweeps = 0; _keyspace.VolatileCount > 0 && sweeps < 10_000; sweeps++)
        {
            _keyspace.SweepExpired(afterAllExpired);
        }

        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.Equal(persistent.Count, _keyspace.Count);
        Assert.Equal(volatileLeft, _keyspace.ExpiredKeys);
        Assert.All(persistent, key => Assert.True(_keyspace.Exists(Encoding.ASCII.GetBytes(key), afterAllExpired)));
    }

    [Fact]
    public void RemovesEveryKeyOnClear()
    {
        _keyspace.Set("a"u8, "1"u8.ToArray());
        _keyspace.Set("b"u8, "2"u8.ToArray(), Now + 1000);

        _keyspace.Clear();

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.False(_keyspace.Exists("a"u8, Now));
    }

    /// <summary>
    /// Runs a random mix of operations against the keyspace and a plain dictionary model, then checks that both agree on
    /// every key, on <see cref="Keyspace.Count"/> and on <see cref="Keyspace.VolatileCount"/>.
    /// </summary>
    /// <param name="operations">One byte per operation: bits 0-2 the operation, 3-4 the key, 5-7 a small time amount (for
    /// operation 6, also which of two stores).</param>
    [Property(MaxTest = 500)]
    public void AgreesWithASimpleModelGivenAnySequenceOfOperations(byte[] operations)
    {
        var keyspace = new Keyspace(new Random(42));
        var model = new Dictionary<int, (byte Value, long ExpiresAt)>();
        var now = Now;
        byte version = 0;

        bool IsLive(int key) => model.TryGetValue(key, out var e) && now <= e.ExpiresAt;

        foreach (var operation in operations ?? [])
        {
            var key = (operation >> 3) & 3;
            var amount = operation >> 5;
            version++;
            switch (operation & 7)
            {
                case 0:
                    keyspace.Set(Key(key), [version]);
                    model[key] = (version, Entry.NoExpiry);
                    break;
                case 1:
                    keyspace.Set(Key(key), [version], now + amount);
                    model[key] = (version, now + amount);
                    break;
                case 2:
                    var expiresAt = now + amount - 3;
                    var live = IsLive(key);
                    Assert.Equal(live, keyspace.SetExpiry(Key(key), expiresAt, now));
                    if (live && expiresAt <= now)
                    {
                        model.Remove(key);
                    }
                    else if (live)
                    {
                        model[key] = model[key] with { ExpiresAt = expiresAt };
                    }

                    break;
                case 3:
                    Assert.Equal(IsLive(key), keyspace.Remove(Key(key), now));
                    model.Remove(key);
                    break;
                case 4:
                    Assert.Equal(IsLive(key), KeyLookup.Found == keyspace.Get(Key(key), now, out var entry));
                    if (IsLive(key))
                    {
                        Assert.Equal([model[key].Value], entry.Value.ToArray());
                        Assert.Equal(model[key].ExpiresAt, entry.ExpiresAt);
                    }

                    break;
                case 5:
                    keyspace.SweepExpired(now, maxRounds: 1 + (amount % 3));
                    break;
                case 6 when amount % 2 == 0:
                    keyspace.SetKeepTtl(Key(key), [version], now);
                    model[key] = (version, IsLive(key) ? model[key].ExpiresAt : Entry.NoExpiry);
                    break;
                case 6:
                    var existed = IsLive(key);
                    var previous = existed ? model[key].Value : (byte)0;
                    Assert.Equal(existed, KeyLookup.Found == keyspace.Exchange(Key(key), [version], now + amount, now, out var replaced));
                    Assert.Equal(existed ? new[] { previous } : [], replaced.ToArray());
                    model[key] = (version, now + amount);
                    break;
                default:
                    now += amount;
                    break;
            }
        }

        for (var key = 0; key < 4; key++)
        {
            Assert.Equal(IsLive(key), keyspace.Exists(Key(key), now));
        }

        var liveKeys = model.Where(pair => IsLive(pair.Key)).ToList();
        Assert.Equal(liveKeys.Count, keyspace.Count);
        Assert.Equal(liveKeys.Count(pair => pair.Value.ExpiresAt != Entry.NoExpiry), keyspace.VolatileCount);
    }

    private static byte[] Key(int i) => Encoding.ASCII.GetBytes($"key:{i}");
}
