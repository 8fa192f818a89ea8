using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Persist;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Persist;

public class PersistCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly PersistCommandHandler _handler;

    public PersistCommandHandlerTests()
    {
        _handler = new PersistCommandHandler(_time, TestEvents.Off);
    }

    [Fact]
    public async Task RemovesTheTtlAndAnswersOne()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 1000);

        Assert.Equal(Reply.One, await Persist("k"));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(_keyspace.Exists("k"u8, _time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task AnswersZeroGivenKeyWithoutTtl()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(Reply.Zero, await Persist("k"));
    }

    [Fact]
    public async Task AnswersZeroGivenMissingOrExpiredKey()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 1000);
        _time.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Equal(Reply.Zero, await Persist("k"));
        Assert.Equal(Reply.Zero, await Persist("missing"));
    }

    private ValueTask<Reply> Persist(string key) =>
        _handler.Handle(new PersistCommand(_keyspace, System.Text.Encoding.UTF8.GetBytes(key)), CancellationToken.None);
}
