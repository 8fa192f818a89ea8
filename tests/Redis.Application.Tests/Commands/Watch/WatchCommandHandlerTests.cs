using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Watch;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Watch;

public class WatchCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ClientSession _session = TestSessions.Open();
    private readonly WatchCommandHandler _handler;

    public WatchCommandHandlerTests()
    {
        _handler = new WatchCommandHandler(_time);
    }

    [Fact]
    public async Task WatchesEachKeyOnce()
    {
        Assert.Equal(Reply.Ok, await Watch("a", "b", "a"));
        Assert.Equal(Reply.Ok, await Watch("b"));

        Assert.Equal(["a", "b"], _session.Transaction.Watches.Select(w => System.Text.Encoding.UTF8.GetString(w.Key)));
    }

    [Fact]
    public async Task RefusesInsideMultiWithoutFailingTheTransaction()
    {
        _session.Transaction.Begin();

        Assert.Equal("ERR WATCH inside MULTI is not allowed", Binding.ErrorText(await Watch("k")));

        Assert.Empty(_session.Transaction.Watches);
        Assert.False(_session.Transaction.HasQueueingError);
    }

    [Fact]
    public async Task AddsNothingOnceAWatchedKeyChanged()
    {
        await Watch("a");
        _keyspace.Set("a"u8, "v"u8);

        Assert.Equal(Reply.Ok, await Watch("b"));

        Assert.Single(_session.Transaction.Watches);
        Assert.True(_session.Transaction.IsWatchedKeyTouched);
    }

    private ValueTask<Reply> Watch(params string[] keys) => _handler.Handle(
        new WatchCommand(_keyspace, _session, [.. keys.Select(k => new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(k)))]),
        CancellationToken.None);
}
