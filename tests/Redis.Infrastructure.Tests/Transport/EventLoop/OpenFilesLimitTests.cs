using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Infrastructure.Transport.EventLoop;

namespace Redis.Infrastructure.Tests.Transport.EventLoop;

/// <summary><c>maxclients</c> against the descriptor limit, as Redis's <c>adjustOpenFilesLimit</c> fits them.</summary>
public sealed class OpenFilesLimitTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void LeavesAnAmpleLimitAlone()
    {
        var system = new FakeLimit(soft: 20_000, hard: 20_000);

        Assert.Equal(10_000, OpenFilesLimit.Adjust(10_000, system, _logger));
        Assert.Empty(system.Attempts);
        Assert.Empty(_logger.Lines);
    }

    [Fact]
    public void RaisesTheSoftLimitToMaxClientsPlusTheReservedAndKeepsTheHardOne()
    {
        var system = new FakeLimit(soft: 1024, hard: 1_048_576);

        Assert.Equal(10_000, OpenFilesLimit.Adjust(10_000, system, _logger));
        Assert.Equal([(10_032UL, 1_048_576UL)], system.Attempts);
        Assert.Equal(["Increased maximum number of open files to 10032 (it was originally set to 1024)."], _logger.Lines);
    }

    [Fact]
    public void LowersMaxClientsToWhatTheHardLimitAllowsWithRedisWarnings()
    {
        // Unprivileged: the soft limit can go up to the hard one and no further.
        var system = new FakeLimit(soft: 1024, hard: 4096);

        var maxClients = OpenFilesLimit.Adjust(10_000, system, _logger);

        // Tried 10032, then 16 fewer at a time: 10032 - 371 * 16 = 4096 is the first that fits.
        Assert.Equal(4096UL, system.Best);
        Assert.Equal(372, system.Attempts.Count);
        Assert.Equal(4096 - 32, maxClients);
        Assert.Equal(
            [
                "You requested maxclients of 10000 requiring at least 10032 max file descriptors.",
                "Server can't set maximum open files to 10032 because of OS error: Operation not permitted.",
                "Current maximum open files is 4096. maxclients has been reduced to 4064 to compensate for low ulimit. If you need higher maxclients increase 'ulimit -n'.",
            ],
            _logger.Lines);
    }

    [Fact]
    public void KeepsTheCurrentLimitWhenNothingHigherIsAllowed()
    {
        var system = new FakeLimit(soft: 1024, hard: 1024);

        Assert.Equal(1024 - 32, OpenFilesLimit.Adjust(10_000, system, _logger));
        Assert.Contains("Current maximum open files is 1024. maxclients has been reduced to 992 to compensate for low ulimit. If you need higher maxclients increase 'ulimit -n'.", _logger.Lines);
    }

    [Fact]
    public void RefusesToStartWhenNotOneClientFits()
    {
        var system = new FakeLimit(soft: 20, hard: 20);

        var e = Assert.Throws<OptionsValidationException>(() => OpenFilesLimit.Adjust(100, system, _logger));
        Assert.Equal("Your current 'ulimit -n' of 20 is not enough for the server to start. Please increase your open file limit to at least 132. Exiting.", Assert.Single(e.Failures));
    }

    [Fact]
    public void AssumesRedisFallbackWhenTheLimitCannotBeRead()
    {
        Assert.Equal(992, OpenFilesLimit.Adjust(10_000, new FakeLimit(readable: false), _logger));
        Assert.Single(_logger.Lines);
    }

    [Fact]
    public void ReadsThisProcessLimit()
    {
        Assert.True(new ProcessOpenFilesLimit().TryGet(out var soft, out var hard, out _));
        Assert.InRange(soft, 1UL, hard);
    }

    private sealed class FakeLimit(ulong soft = 0, ulong hard = 0, bool readable = true) : IOpenFilesLimit
    {
        private readonly ulong _soft = soft;

        public List<(ulong Soft, ulong Hard)> Attempts { get; } = [];

        /// <summary>The soft limit last set successfully, or the original one.</summary>
        public ulong Best { get; private set; } = soft;


        public bool TryGet(out ulong currentSoft, out ulong currentHard, out string? error)
        {
            (currentSoft, currentHard, error) = (_soft, hard, readable ? null : "Bad address");
            return readable;
        }

        public bool TrySet(ulong newSoft, ulong newHard, out string? error)
        {
            Attempts.Add((newSoft, newHard));
            if (newSoft > hard || newHard > hard)
            {
                error = "Operation not permitted";
                return false;
            }

            Best = newSoft;
            error = null;
            return true;
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
