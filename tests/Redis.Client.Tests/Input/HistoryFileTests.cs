using Redis.Client.Input;

namespace Redis.Client.Tests.Input;

public sealed class HistoryFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"redisclient-history-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void LoadsNothingWhenTheFileDoesNotExist()
    {
        Assert.Empty(new HistoryFile(_path).Load());
    }

    [Fact]
    public void KeepsLinesForTheNextSession()
    {
        var first = new HistoryFile(_path);
        first.Load();
        first.Append("set a 1");
        first.Append("get a");

        Assert.Equal(["set a 1", "get a"], new HistoryFile(_path).Load());
    }

    [Fact]
    public void LoadsOnlyTheNewestLines()
    {
        File.WriteAllLines(_path, Enumerable.Range(1, 10).Select(i => $"cmd {i}"));

        Assert.Equal(["cmd 8", "cmd 9", "cmd 10"], new HistoryFile(_path, maxLines: 3).Load());
    }

    [Fact]
    public void TrimsTheFileOnceItHoldsTwiceTheLimit()
    {
        var history = new HistoryFile(_path, maxLines: 3);
        history.Load();
        for (var i = 1; i <= 6; i++)
        {
            history.Append($"cmd {i}");
        }

        Assert.Equal(["cmd 4", "cmd 5", "cmd 6"], File.ReadAllLines(_path));
    }

    [Fact]
    public void IgnoresEmptyLines()
    {
        var history = new HistoryFile(_path);
        history.Append("");

        Assert.False(File.Exists(_path));
    }

    [Fact]
    public void NeverFailsWhenTheFileCannotBeWritten()
    {
        var history = new HistoryFile(Path.Combine(_path, "no", "such", "directory"));

        history.Append("get a");

        Assert.Empty(history.Load());
    }
}
