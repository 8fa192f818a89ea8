using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>The manifest of Redis 7's multi-part append-only file: its names, its changes at a rewrite, and Redis's reading rules.</summary>
public class AofManifestTests
{
    [Fact]
    public void AFirstStartNamesABaseAndAnIncrementalFileAsRedisDoes()
    {
        var manifest = AofManifest.Empty("appendonly.aof")
            .WithNewBase(rdbPreamble: true, out var baseFile)
            .WithNewIncremental(out var incremental);

        Assert.Equal("appendonly.aof.1.base.rdb", baseFile.Name);
        Assert.Equal("appendonly.aof.1.incr.aof", incremental.Name);
        Assert.Equal("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n", manifest.Format());
    }

    [Fact]
    public void ARewriteMakesTheOldBaseAndTheIncrementalFilesBeforeTheNewOneHistory()
    {
        var manifest = AofManifest.Empty("appendonly.aof")
            .WithNewBase(rdbPreamble: true, out _)
            .WithNewIncremental(out _)
            .WithNewIncremental(out _)
            .WithNewBase(rdbPreamble: false, out var baseFile)
            .WithRewrittenIncrementalsAsHistory(keepLast: true);

        Assert.Equal("appendonly.aof.2.base.aof", baseFile.Name);
        Assert.Equal(
            "file appendonly.aof.2.base.aof seq 2 type b\n" +
            "file appendonly.aof.1.base.rdb seq 1 type h\n" +
            "file appendonly.aof.1.incr.aof seq 1 type h\n" +
            "file appendonly.aof.2.incr.aof seq 2 type i\n",
            manifest.Format());
        Assert.Equal("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n", manifest.WithoutHistory().Format());
    }

    [Fact]
    public void WithTheFileOffEveryIncrementalFileBecomesHistory()
    {
        var manifest = AofManifest.Empty("a.aof").WithNewIncremental(out _).WithRewrittenIncrementalsAsHistory(keepLast: false);

        Assert.Empty(manifest.Incremental);
        Assert.Single(manifest.History);
    }

    [Fact]
    public void ReadsWhatItWritesAndWhatRedisWrites()
    {
        const string text = "# written by hand\nfile appendonly.aof.3.base.rdb seq 3 type b\r\nseq 5 type i file appendonly.aof.5.incr.aof\nfile appendonly.aof.6.incr.aof seq 6 type i future value\n";

        var manifest = AofManifest.Parse("appendonly.aof", text);

        Assert.Equal("appendonly.aof.3.base.rdb", manifest.BaseFile!.Name);
        Assert.Equal(["appendonly.aof.5.incr.aof", "appendonly.aof.6.incr.aof"], manifest.Incremental.Select(f => f.Name));
        Assert.Equal(3, manifest.BaseSequence);
        Assert.Equal(6, manifest.IncrementalSequence);
        Assert.Equal(manifest.Format(), AofManifest.Parse("appendonly.aof", manifest.Format()).Format());
    }

    [Theory]
    [InlineData("", "Found an empty AOF manifest")]
    [InlineData("file a seq 1\n", "Invalid AOF manifest file format")]
    [InlineData("file a seq 0 type b\n", "Invalid AOF manifest file format")]
    [InlineData("\n", "Invalid AOF manifest file format")]
    [InlineData("file dir/a seq 1 type b\n", "File can't be a path, just a filename")]
    [InlineData("file a seq 1 type b\nfile b seq 2 type b\n", "Found duplicate base file information")]
    [InlineData("file a seq 2 type i\nfile b seq 2 type i\n", "Found a non-monotonic sequence number")]
    [InlineData("file a seq 1 type x\n", "Unknown AOF file type")]
    public void RefusesWhatRedisRefusesWithItsReason(string text, string reason)
    {
        var error = Assert.Throws<AofFormatException>(() => AofManifest.Parse("appendonly.aof", text));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }
}
