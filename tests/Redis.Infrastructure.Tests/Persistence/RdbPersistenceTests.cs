using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Redis.Application.Abstractions;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>SAVE, BGSAVE over the point-in-time snapshot, the save points and the load, on real files in a directory of their own.</summary>
public sealed class RdbPersistenceTests : IDisposable
{
    private static readonly HashLimits Limits = HashLimits.Default;

    private readonly string _directory = Directory.CreateTempSubdirectory("rdb-persistence-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Databases _databases = new(2, new Random(11));
    private readonly RedisServerOptions _options;
    private readonly RdbPersistence _persistence;

    public RdbPersistenceTests()
    {
        _options = new RedisServerOptions { Dir = _directory };
        _persistence = Create(_databases);
    }

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public void Dispose()
    {
        _persistence.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TheFileOfABackgroundSaveHoldsTheDatasetAsItWasWhenItBegan()
    {
        Fill(_databases);
        var expected = DatasetDescription.Of(_databases, Now);
        using var gate = new ManualResetEventSlim();
        _persistence.CreateFile = path => Gated(gate, path);

        Assert.Equal(BackgroundSaveOutcome.Started, _persistence.BackgroundSave(schedule: false));
        Mutate(_databases);
        Assert.NotEqual(expected, DatasetDescription.Of(_databases, Now));
        Assert.True(_persistence.Info.BackgroundSaveInProgress);
        Assert.Equal(BackgroundSaveOutcome.InProgress, _persistence.BackgroundSave(schedule: false));
        Assert.Equal(SaveOutcome.InProgress, _persistence.Save());
        var afterWrites = DatasetDescription.Of(_databases, Now);
        gate.Set();
        WaitForBackgroundSave();

        Assert.True(_persistence.Info.LastBackgroundSaveOk);
        Assert.Equal(1, _persistence.Info.Saves);
        Assert.Equal(expected, DatasetDescription.Of(Reloaded(), Now));
        Assert.Equal(afterWrites, DatasetDescription.Of(_databases, Now));
    }

    [Fact]
    public void SaveWritesTheDatasetThatALoadGivesBack()
    {
        Fill(_databases);

        Assert.Equal(SaveOutcome.Saved, _persistence.Save());

        Assert.True(File.Exists(Path.Combine(_directory, "dump.rdb")));
        Assert.Empty(Directory.GetFiles(_directory, "temp-*.rdb"));
        Assert.Equal(DatasetDescription.Of(_databases, Now), DatasetDescription.Of(Reloaded(), Now));
        Assert.Equal(0, _persistence.Info.ChangesSinceLastSave);
    }

    [Fact]
    public void ALoadDropsTheKeysThatExpiredOnDiskAndCountsThem()
    {
        _databases[0].Set("stays"u8, "1"u8, Now + 60_000);
        _databases[0].Set("goes"u8, "2"u8, Now + 1_000);
        _persistence.Save();
        _clock.Advance(TimeSpan.FromSeconds(2));

        var loaded = new Databases(2);
        var persistence = Create(loaded);
        persistence.Load();

        Assert.True(loaded[0].Exists("stays"u8, Now));
        Assert.Equal(1, loaded.KeyCount);
        Assert.Equal(1, persistence.Info.KeysLoaded);
        Assert.Equal(1, persistence.Info.KeysExpiredOnLoad);
    }

    [Fact]
    public void ALoadOfADatabaseTheServerDoesNotHaveIsRefusedAndKeepsNothing()
    {
        _databases[0].Set("a"u8, "1"u8);
        _databases[1].Set("b"u8, "2"u8);
        _persistence.Save();

        var fewer = new Databases(1);
        var error = Assert.Throws<RdbFormatException>(() => Create(fewer).Load());

        Assert.Contains("more than 1 databases", error.Message);
        Assert.Equal(0, fewer.KeyCount);
    }

    [Fact]
    public void ATruncatedFileIsRefusedAndKeepsNothing()
    {
        Fill(_databases);
        _persistence.Save();
        var path = Path.Combine(_directory, "dump.rdb");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var loaded = new Databases(2);
        Assert.Throws<RdbFormatException>(() => Create(loaded).Load());

        Assert.Equal(0, loaded.KeyCount);
    }

    [Fact]
    public void NoFileMeansNothingToLoad()
    {
        _persistence.Load();

        Assert.Equal(0, _databases.KeyCount);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void AFailedBackgroundSaveDeniesWritesWhileSavePointsAreSetUntilASaveSucceeds()
    {
        _options.Save = "3600 1";
        var persistence = Create(_databases);
        _databases[0].Set("a"u8, "1"u8);
        persistence.CreateFile = _ => throw new UnauthorizedAccessException("Permission denied");

        Assert.Equal(BackgroundSaveOutcome.Started, persistence.BackgroundSave(schedule: false));
        WaitForBackgroundSave(persistence);

        Assert.False(persistence.Info.LastBackgroundSaveOk);
        Assert.Equal(Redis.Application.Replies.Errors.WritesDeniedBySaveError, persistence.WritesDenied);
        _options.StopWritesOnBgsaveError = false;
        Assert.Null(persistence.WritesDenied);
        _options.StopWritesOnBgsaveError = true;

        persistence.CreateFile = File.Create;
        Assert.Equal(SaveOutcome.Saved, persistence.Save());
        Assert.True(persistence.Info.LastBackgroundSaveOk);
        Assert.Null(persistence.WritesDenied);
        persistence.Dispose();
    }

    [Fact]
    public void ASaveIntoADirectoryThatIsGoneFailsAndLeavesTheDataset()
    {
        _options.Dir = Path.Combine(_directory, "missing");
        _databases[0].Set("a"u8, "1"u8);

        Assert.Equal(SaveOutcome.Failed, Create(_databases).Save());

        Assert.Equal(1, _databases.KeyCount);
    }

    [Fact]
    public void ASavePointStartsABackgroundSaveOnceItsSecondsAndChangesAreBothPassed()
    {
        _options.Save = "10 2";
        var persistence = Create(_databases);
        _databases[0].Set("a"u8, "1"u8);
        _clock.Advance(TimeSpan.FromSeconds(9));
        persistence.Run(Now);
        Assert.False(persistence.Info.BackgroundSaveInProgress);

        _databases[0].Set("b"u8, "2"u8);
        _clock.Advance(TimeSpan.FromSeconds(1));
        persistence.Run(Now);
        Assert.False(persistence.Info.BackgroundSaveInProgress);

        _clock.Advance(TimeSpan.FromSeconds(1));
        persistence.Run(Now);
        Assert.True(persistence.Info.BackgroundSaveInProgress);
        WaitForBackgroundSave(persistence);
        Assert.Equal(0, persistence.Info.ChangesSinceLastSave);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), persistence.Info.LastSaveUnixSeconds);
        persistence.Dispose();
    }

    [Fact]
    public void ChangesMadeWhileABackgroundSaveRunsCountTowardsTheNext()
    {
        _databases[0].Set("a"u8, "1"u8);
        using var gate = new ManualResetEventSlim();
        _persistence.CreateFile = path => Gated(gate, path);
        _persistence.BackgroundSave(schedule: false);
        _databases[0].Set("b"u8, "2"u8);
        _databases[0].Set("c"u8, "3"u8);
        gate.Set();
        WaitForBackgroundSave();

        Assert.Equal(2, _persistence.Info.ChangesSinceLastSave);
    }

    [Fact]
    public void AShutdownStopsABackgroundSaveAndSavesWhenAsked()
    {
        _databases[0].Set("a"u8, "1"u8);
        using var gate = new ManualResetEventSlim();
        var first = true;
        _persistence.CreateFile = path =>
        {
            if (!first)
            {
                return File.Create(path);
            }

            // The save the shutdown stops: it fails as a killed child's would, and its file is abandoned.
            first = false;
            gate.Wait();
            throw new IOException("stopped");
        };
        _persistence.BackgroundSave(schedule: false);
        gate.Set();

        Assert.True(_persistence.PrepareForShutdown(ShutdownSave.Save));

        Assert.False(_persistence.Info.BackgroundSaveInProgress);
        Assert.Equal(1, Reloaded().KeyCount);
    }

    [Fact]
    public void AShutdownWithoutSavePointsSavesNothing()
    {
        _databases[0].Set("a"u8, "1"u8);

        Assert.True(_persistence.PrepareForShutdown(ShutdownSave.Default));

        Assert.Empty(Directory.GetFiles(_directory));
        Assert.True(_persistence.ShutdownPrepared);
    }

    [Fact]
    public void ReloadSavesEmptiesAndLoadsBack()
    {
        Fill(_databases);
        var expected = DatasetDescription.Of(_databases, Now);

        Assert.Null(_persistence.Reload(save: true, flush: true, merge: false));

        Assert.Equal(expected, DatasetDescription.Of(_databases, Now));
        Assert.Equal("ERR Error trying to load the RDB dump", _persistence.Reload(save: false, flush: false, merge: false));
        Assert.Null(_persistence.Reload(save: false, flush: false, merge: true));
    }

    [Theory]
    [InlineData("lru")]
    [InlineData("lfu")]
    [InlineData("none")]
    public void ASaveKeepsIdleTimesUnderLruAndFrequenciesUnderLfuAndALoadRestoresThem(string policy)
    {
        ReadClocksAs(_databases.AccessClock, policy);
        _databases.AccessClock.Set(Now);
        _databases[0].Set("cold"u8, "v"u8);
        _databases[0].Set("hot"u8, "v"u8);
        _databases[0].RestoreAccessClock("cold"u8, idleSeconds: 600, frequency: 3);
        _databases[0].RestoreAccessClock("hot"u8, idleSeconds: 10, frequency: 120);
        Assert.Equal(SaveOutcome.Saved, _persistence.Save());

        _clock.Advance(TimeSpan.FromSeconds(5));
        var loaded = new Databases(2);
        ReadClocksAs(loaded.AccessClock, policy);
        using (var persistence = Create(loaded))
        {
            persistence.Load();
        }

        Assert.True(loaded[0].TryGetAccessClock("cold"u8, Now, out var cold));
        Assert.True(loaded[0].TryGetAccessClock("hot"u8, Now, out var hot));
        var clock = loaded.AccessClock;
        switch (policy)
        {
            case "lfu":
                Assert.Equal((3u, 120u), (clock.Decremented(cold), clock.Decremented(hot)));
                break;
            case "lru":
                // The idle time on disk, counted back from the load (rdbLoadRio's lru_clock): the five seconds the
                // server was down do not count, as in Redis.
                Assert.Equal((600_000L, 10_000L), (clock.IdleMilliseconds(cold), clock.IdleMilliseconds(hot)));
                break;
            default:
                // Neither is written under a policy that does not read the clocks: the keys load as new ones.
                Assert.Equal((0L, 0L), (clock.IdleMilliseconds(cold), clock.IdleMilliseconds(hot)));
                break;
        }
    }

    // What MemoryLimit sets for maxmemory-policy: an LRU or LFU policy reads the clocks, LFU counts with them.
    private static void ReadClocksAs(AccessClock clock, string policy)
    {
        clock.CountsFrequency = policy == "lfu";
        clock.ReadByPolicy = policy != "none";
    }

    private RdbPersistence Create(Databases databases) =>
        new(databases, _clock, Options.Create(_options), Mock.Of<IServerSettings>(), new BackgroundChild());

    private Databases Reloaded()
    {
        var loaded = new Databases(2);
        using var persistence = Create(loaded);
        persistence.Load();
        return loaded;
    }

    private void WaitForBackgroundSave(RdbPersistence? persistence = null)
    {
        persistence ??= _persistence;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (persistence.Info.BackgroundSaveInProgress)
        {
            Assert.True(DateTime.UtcNow < deadline, "The background save did not finish.");
            Thread.Sleep(5);
            persistence.Run(Now);
        }
    }

    // Every type in each of its encodings, strings of every kind, TTLs, two databases.
    private void Fill(Databases databases)
    {
        var keyspace = databases[0];
        for (var i = 0; i < 300; i++)
        {
            keyspace.Set(Bytes($"int:{i}"), Bytes($"{i * 7919}"));
            keyspace.Set(Bytes($"text:{i}"), Bytes($"value-{i}"), i % 3 == 0 ? Now + 3_600_000 + i : Entry.NoExpiry);
        }

        keyspace.Set("large"u8, Bytes(new string('x', 20_000)));
        keyspace.Set("random"u8, Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 % 251)).ToArray());
        keyspace.Set("empty"u8, ""u8);

        var small = new HashValue();
        var big = new HashValue();
        for (var i = 0; i < 600; i++)
        {
            if (i < 5)
            {
                small.Set(Bytes($"f{i}"), Bytes($"v{i}"), Limits);
            }

            big.Set(Bytes($"f{i}"), Bytes($"v{i}"), Limits);
        }

        keyspace.Set("hash:small"u8, small);
        keyspace.Set("hash:big"u8, big, Now + 100_000);

        var list = new ListValue();
        for (var i = 0; i < 1000; i++)
        {
            list.Push(Bytes($"e{i}"), left: i % 2 == 0);
        }

        keyspace.Set("list"u8, list);
        var ints = new SetValue();
        var members = new SetValue();
        for (var i = 0; i < 700; i++)
        {
            ints.Add(Bytes($"{i * 3}"), 512);
            members.Add(Bytes($"m{i}"), 512);
        }

        keyspace.Set("set:ints"u8, ints);
        keyspace.Set("set:members"u8, members);
        var smallInts = new SetValue();
        smallInts.Add("1"u8, 512);
        smallInts.Add("-5"u8, 512);
        keyspace.Set("set:smallints"u8, smallInts);

        var zsmall = new SortedSetValue();
        var zbig = new SortedSetValue();
        for (var i = 0; i < 200; i++)
        {
            if (i < 10)
            {
                zsmall.Add(Bytes($"z{i}"), i * 1.5, ZAddOptions.None, 128, 64, out _);
            }

            zbig.Add(Bytes($"z{i}"), i % 2 == 0 ? -i : i / 3.0, ZAddOptions.None, 128, 64, out _);
        }

        keyspace.Set("zset:small"u8, zsmall);
        keyspace.Set("zset:big"u8, zbig);
        databases[1].Set("other"u8, "db1"u8);
        var db1Hash = new HashValue();
        db1Hash.Set("f"u8, "v"u8.ToArray(), Limits);
        databases[1].Set("hash"u8, db1Hash);
    }

    // What commands do while the save runs: overwrite in place, append, write bits, delete, rename, change every
    // collection through the lookup commands use, expire, and flush a database.
    private void Mutate(Databases databases)
    {
        var keyspace = databases[0];
        for (var i = 0; i < 300; i++)
        {
            keyspace.Set(Bytes($"text:{i}"), Bytes($"VALUE-{i}"));
        }

        keyspace.Append("large"u8, "tail"u8, Now);
        keyspace.OpenForWrite("random"u8, Now, 10, out var bits, out _);
        bits[0] = 0xFF;
        keyspace.Remove("int:0"u8, Now);
        keyspace.Rename("int:1"u8, "renamed"u8, Now);
        keyspace.SetExpiry("int:2"u8, Now + 5, Now);

        keyspace.Get("hash:small"u8, Now, out HashValue? small);
        small!.Set("f0"u8, "changed"u8.ToArray(), Limits);
        keyspace.Changed("hash:small"u8, small);
        keyspace.Get("hash:big"u8, Now, out HashValue? big);
        big!.Remove("f1"u8);
        keyspace.Changed("hash:big"u8, big);
        keyspace.Get("list"u8, Now, out ListValue? list);
        list!.Push("pushed"u8.ToArray(), left: true);
        list.Pop(left: false);
        keyspace.Changed("list"u8, list);
        keyspace.Get("set:ints"u8, Now, out SetValue? ints);
        ints!.Add("not-an-int"u8, 512);
        keyspace.Changed("set:ints"u8, ints);
        keyspace.Get("zset:big"u8, Now, out SortedSetValue? zbig);
        zbig!.Add("z3"u8, 1000, ZAddOptions.None, 128, 64, out _);
        keyspace.Changed("zset:big"u8, zbig);
        keyspace.Rename("zset:small"u8, "zset:renamed"u8, Now);
        keyspace.Get("zset:renamed"u8, Now, out SortedSetValue? renamed);
        renamed!.Remove("z0"u8);
        keyspace.Changed("zset:renamed"u8, renamed);
        databases[1].Clear();
        keyspace.RecycleRetiredRecords();
        keyspace.Set("after"u8, Bytes(new string('y', 20_000)));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    // The background writer opens its file first: held there, it has read nothing of the snapshot yet.
    private static FileStream Gated(ManualResetEventSlim gate, string path)
    {
        gate.Wait();
        return File.Create(path);
    }
}
