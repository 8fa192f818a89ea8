using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Set;

public class SetCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly SetCommandHandler _handler;

    public SetCommandHandlerTests()
    {
        _handler = new SetCommandHandler(_time, TestEvents.Off, TestPropagation.Off);
    }

    [Fact]
    public async Task StoresValueWithoutExpiryGivenNoEx()
    {
        var reply = await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray()), CancellationToken.None);

        Assert.Equal(Reply.Ok, reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
    }

    [Fact]
    public async Task StoresAbsoluteExpiryGivenEx()
    {
        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), CancellationToken.None);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal(TestClock.StartUnixMilliseconds + 10_000, entry.ExpiresAt);
    }

    [Fact]
    public async Task ExpiresKeyOnceExSecondsHavePassed()
    {
        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(_keyspace.Exists("k"u8, _time.GetUtcNow().ToUnixTimeMilliseconds()));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_keyspace.Exists("k"u8, _time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task ClearsExistingTtlGivenNoEx()
    {
        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "old"u8.ToArray(), Ex(10)), CancellationToken.None);

        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "new"u8.ToArray()), CancellationToken.None);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("new"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
    }

    [Fact]
    public async Task CopiesKeyAndValueOutOfTheRequestBuffer()
    {
        var buffer = "kv"u8.ToArray();
        var command = new SetCommand(_keyspace, buffer.AsMemory(0, 1), buffer.AsMemory(1, 1));

        await _handler.Handle(command, CancellationToken.None);
        buffer[0] = (byte)'x';
        buffer[1] = (byte)'x';

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value);
    }

    [Fact]
    public async Task GetOptionAnswersTheOldValueWhenTheNewOneHasTheSameLength()
    {
        // A plain SET writes a same-length value over the old bytes; the reply must not see them change.
        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "old"u8.ToArray()), CancellationToken.None);

        var reply = await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "new"u8.ToArray(), ReturnOldValue: true), CancellationToken.None);

        Assert.Equal(Reply.Bulk("old"u8.ToArray()), reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("new"u8.ToArray(), entry.Value);
    }

    [Fact]
    public async Task GetOptionAnswersNilAndStoresGivenAMissingKey()
    {
        var reply = await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), ReturnOldValue: true), CancellationToken.None);

        Assert.Equal(Reply.Nil, reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value);
        Assert.Equal(1, _keyspace.KeyspaceMisses);
    }

    [Fact]
    public async Task GetOptionWithNxAnswersTheValueItKeepsGivenAnExistingKey()
    {
        await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "old"u8.ToArray()), CancellationToken.None);

        var reply = await _handler.Handle(
            new SetCommand(_keyspace, "k"u8.ToArray(), "new"u8.ToArray(), Condition: SetCondition.Nx, ReturnOldValue: true), CancellationToken.None);

        Assert.Equal(Reply.Bulk("old"u8.ToArray()), reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal("old"u8.ToArray(), entry.Value);
        Assert.Equal(1, _keyspace.KeyspaceHits);
    }

    [Fact]
    public async Task SetnxAnswersOneWhenItStoresAndZeroWhenTheKeyExists()
    {
        var setnx = new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), Condition: SetCondition.Nx, RepliesWithInteger: true);

        Assert.Equal(Reply.One, await _handler.Handle(setnx, CancellationToken.None));
        Assert.Equal(Reply.Zero, await _handler.Handle(setnx, CancellationToken.None));
    }

    [Fact]
    public async Task XxAnswersNilAndStoresNothingGivenAMissingKey()
    {
        var reply = await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), Condition: SetCondition.Xx), CancellationToken.None);

        Assert.Equal(Reply.Nil, reply);
        Assert.Equal(0, _keyspace.Count);
    }

    [Fact]
    public async Task KeepTtlKeepsTheTtlAndGetAnswersTheOldValue()
    {
        _keyspace.Set("k"u8, "old"u8, TestClock.StartUnixMilliseconds + 5000);

        var reply = await _handler.Handle(
            new SetCommand(_keyspace, "k"u8.ToArray(), "new"u8.ToArray(), Expiry: new ExpiryOption(ExpiryKind.KeepTtl, 0), ReturnOldValue: true),
            CancellationToken.None);

        Assert.Equal(Reply.Bulk("old"u8.ToArray()), reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, TestClock.StartUnixMilliseconds, out var entry));
        Assert.Equal(TestClock.StartUnixMilliseconds + 5000, entry.ExpiresAt);
    }

    [Fact]
    public async Task ReturnsInvalidExpireTimeGivenExThatOverflowsWhenAddedToNow()
    {
        var reply = await _handler.Handle(new SetCommand(_keyspace, "k"u8.ToArray(), "v"u8.ToArray(), Ex(long.MaxValue / 1000)), CancellationToken.None);

        Assert.Equal("ERR invalid expire time in 'set' command", Binding.ErrorText(reply));
        Assert.Equal(0, _keyspace.Count);
    }

    private static ExpiryOption Ex(long seconds) => new(ExpiryKind.Seconds, seconds);
}
