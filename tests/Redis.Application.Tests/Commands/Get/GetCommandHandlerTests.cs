using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Get;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Get;

public class GetCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly GetCommandHandler _handler;

    public GetCommandHandlerTests()
    {
        _handler = new GetCommandHandler(_time);
    }

    [Fact]
    public async Task ReturnsStoredValue()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(Reply.Bulk("v"), await Get("k"));
    }

    [Fact]
    public async Task ReturnsNilGivenMissingKey()
    {
        Assert.Equal(Reply.Nil, await Get("missing"));
    }

    [Fact]
    public async Task ReturnsValueAtTheExactExpiryInstant()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 1000);

        _time.Advance(TimeSpan.FromMilliseconds(1000));

        Assert.Equal(Reply.Bulk("v"), await Get("k"));
    }

    [Fact]
    public async Task ReturnsNilAfterTtlElapses()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 1000);

        _time.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Equal(Reply.Nil, await Get("k"));
        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    private ValueTask<Reply> Get(string key) =>
        _handler.Handle(new GetCommand(_keyspace, Binding.Bytes(key)), CancellationToken.None);
}
