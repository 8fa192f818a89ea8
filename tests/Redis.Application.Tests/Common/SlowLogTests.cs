using System.Text;
using Redis.Application.Common;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Common;

public sealed class SlowLogTests
{
    private readonly TestSettings _settings = new(new("slowlog-log-slower-than", "100"), new("slowlog-max-len", "3"));
    private readonly SlowLog _log;

    public SlowLogTests() => _log = new SlowLog(_settings);

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(5000, true)]
    public void LogsCommandsAtOrOverTheThreshold(long microseconds, bool slow) => Assert.Equal(slow, _log.IsSlow(microseconds));

    [Fact]
    public void MinusOneDisablesAndZeroLogsEverything()
    {
        _settings.TrySet([new("slowlog-log-slower-than", "-1")]);
        Assert.False(_log.IsSlow(long.MaxValue));

        _settings.TrySet([new("slowlog-log-slower-than", "0")]);
        Assert.True(_log.IsSlow(0));
    }

    [Fact]
    public void KeepsTheNewestUpToMaxLenWithIdsCountingOnAfterReset()
    {
        var session = TestSessions.Open();
        session.Name = "me"u8.ToArray();
        for (var i = 0; i < 5; i++)
        {
            _log.Add(session, CommandArgs.From("GET", "k" + i), 100 + i, 1_700_000_000 + i);
        }

        Assert.Equal([4L, 3, 2], _log.Entries.Select(e => e.Id));
        var newest = _log.Entries.First();
        Assert.Equal(104, newest.Microseconds);
        Assert.Equal(1_700_000_004, newest.UnixSeconds);
        Assert.Equal("127.0.0.1:40000", Encoding.ASCII.GetString(newest.ClientAddress));
        Assert.Equal("me", Encoding.ASCII.GetString(newest.ClientName));

        _settings.TrySet([new("slowlog-max-len", "1")]);
        Assert.Equal(1, _log.Count);

        _log.Reset();
        Assert.Equal(0, _log.Count);
        _log.Add(session, CommandArgs.From("PING"), 100, 0);
        Assert.Equal(5, _log.Entries.Single().Id);
    }

    [Fact]
    public void CutsArgumentsAndLongStringsAsRedisDoes()
    {
        var words = new[] { "MSET" }.Concat(Enumerable.Range(0, 39).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        words[1] = new string('x', 130);
        _log.Add(TestSessions.Open(), CommandArgs.From(words), 100, 0);

        var logged = _log.Entries.Single().Arguments.Select(a => Encoding.ASCII.GetString(a)).ToArray();
        Assert.Equal(SlowLog.MaxArguments, logged.Length);
        Assert.Equal(new string('x', 128) + "... (2 more bytes)", logged[1]);
        Assert.Equal("... (9 more arguments)", logged[^1]);
    }

    [Theory]
    [InlineData("AUTH secret", "AUTH (redacted)")]
    [InlineData("AUTH default secret", "AUTH (redacted) (redacted)")]
    [InlineData("HELLO 2 AUTH default secret SETNAME n", "HELLO 2 AUTH (redacted) (redacted) SETNAME n")]
    [InlineData("CONFIG SET timeout 1 requirepass secret", "CONFIG SET timeout 1 requirepass (redacted)")]
    public void RedactsPasswords(string request, string expected)
    {
        _log.Add(TestSessions.Open(), CommandArgs.From(request.Split(' ')), 100, 0);

        Assert.Equal(expected, string.Join(' ', _log.Entries.Single().Arguments.Select(a => Encoding.ASCII.GetString(a))));
    }
}
