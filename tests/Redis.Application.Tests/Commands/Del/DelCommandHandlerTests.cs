using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Del;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Del;

public class DelCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly DelCommandHandler _handler;

    public DelCommandHandlerTests()
    {
        _handler = new DelCommandHandler(_time, TestEvents.Off);
    }

    [Fact]
    public async Task ReturnsNumberOfKeysRemoved()
    {
        _keyspace.Set("a"u8, "1"u8.ToArray());
        _keyspace.Set("b"u8, "2"u8.ToArray());
        _keyspace.Set("c"u8, "3"u8.ToArray());

        Assert.Equal(Reply.Integer(2), await Del("a", "b", "missing"));

        Assert.Equal(1, _keyspace.Count);
        Assert.True(_keyspace.Exists("c"u8, Start));
    }

    [Fact]
    public async Task CountsKeyNamedTwiceOnce()
    {
        _keyspace.Set("a"u8, "1"u8.ToArray());

        Assert.Equal(Reply.One, await Del("a", "a"));
    }

    [Fact]
    public async Task DoesNotCountKeyWhoseTtlElapsed()
    {
        _keyspace.Set("a"u8, "1"u8.ToArray(), Start + 1000);
        _time.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Equal(Reply.Zero, await Del("a"));
        Assert.Equal(0, _keyspace.Count);
    }

    private ValueTask<Reply> Del(params string[] keys) =>
        _handler.Handle(new DelCommand(_keyspace, [.. keys.Select(k => new ReadOnlyMemory<byte>(Binding.Bytes(k)))]), CancellationToken.None);
}
