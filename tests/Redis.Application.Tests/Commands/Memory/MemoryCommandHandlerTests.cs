using Redis.Application.Commands.Memory;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Memory;

public sealed class MemoryCommandHandlerTests
{
    private readonly Databases _databases = new();
    private readonly MemoryCommandBinder _binder = new();

    [Fact]
    public async Task UsageCountsTheRecordItsSlotIndexAndTtlEntry()
    {
        _databases[0].Set("a"u8, "1"u8);
        _databases[0].Set("t"u8, "v"u8, expiresAt: long.MaxValue / 2);

        // A 4-byte record (two lengths, key, value) rounded to 8, after a 24-byte array header; a 24-byte slot, 8 of index.
        Assert.Equal(Reply.Integer(24 + 8 + 24 + 4 + 8), await Run("MEMORY USAGE a"));
        Assert.Equal(Reply.Integer(24 + 8 + 24 + 4 + 8 + 4), await Run("MEMORY USAGE t SAMPLES 0"));
        Assert.Equal(Reply.Nil, await Run("MEMORY USAGE missing"));
    }

    [Fact]
    public async Task AnswersTheAllocatorAndDoctorTextsAndAStatsMap()
    {
        Assert.Equal(Reply.Bulk("Stats not supported for the current allocator"), await Run("MEMORY MALLOC-STATS"));
        Assert.StartsWith("\"Hi Sam, this instance is empty", (await Run("MEMORY DOCTOR")).ToString(), StringComparison.Ordinal);
        Assert.Equal(Reply.Ok, await Run("MEMORY PURGE"));
        var stats = (await Run("MEMORY STATS")).ToString() ?? string.Empty;
        Assert.Contains("peak.allocated", stats, StringComparison.Ordinal);
        Assert.Contains("keys.count", stats, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MEMORY USAGE k SAMPLES x", "ERR value is not an integer or out of range")]
    [InlineData("MEMORY USAGE k SAMPLES -1", "ERR syntax error")]
    [InlineData("MEMORY USAGE k SAMPLES", "ERR syntax error")]
    [InlineData("MEMORY USAGE k FOO", "ERR syntax error")]
    [InlineData("MEMORY USAGE", "ERR wrong number of arguments for 'memory|usage' command")]
    [InlineData("MEMORY STATS x", "ERR wrong number of arguments for 'memory|stats' command")]
    [InlineData("MEMORY FOO", "ERR unknown subcommand 'FOO'. Try MEMORY HELP.")]
    public void RefusesBadForms(string request, string expected) => Assert.Equal(expected, _binder.Bind(request).AssertError());

    private async Task<Reply> Run(string request) =>
        await new MemoryCommandHandler(_databases, new MemoryLimit(_databases, TestSettings.None, TestEvents.Off, new CommandPropagation(_databases), new ServerStatistics(), TimeProvider.System, startupBytes: 0), TestClock.Create()).Handle(
            _binder.Bind(CommandArgs.From(request.Split(' ')), keyspace: _databases[0]).AssertCommand<MemoryCommand>(), CancellationToken.None);
}
