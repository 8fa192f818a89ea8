using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Ttl;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Ttl;

public class TtlCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly TtlCommandHandler _handler;

    public TtlCommandHandlerTests()
    {
        _handler = new TtlCommandHandler(_time);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReturnsMinusTwoGivenMissingKey(bool inMilliseconds)
    {
        Assert.Equal(Reply.Integer(-2), await Ttl(inMilliseconds));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReturnsMinusOneGivenKeyWithoutExpiry(bool inMilliseconds)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(Reply.Integer(-1), await Ttl(inMilliseconds));
    }

    /// <summary>Redis rounds to the nearest second, <c>(ms + 500) / 1000</c>, and the key lives through its exact instant.</summary>
    [Theory]
    [InlineData(0, 10)]
    [InlineData(499, 10)]
    [InlineData(500, 10)]
    [InlineData(501, 9)]
    [InlineData(9_499, 1)]
    [InlineData(9_500, 1)]
    [InlineData(9_501, 0)]
    [InlineData(10_000, 0)]
    [InlineData(10_001, -2)]
    public async Task ReturnsSecondsRoundedToNearest(long elapsedMilliseconds, long expected)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 10_000);

        _time.Advance(TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(Reply.Integer(expected), await Ttl(inMilliseconds: false));
    }

    [Theory]
    [InlineData(0, 10_000)]
    [InlineData(1, 9_999)]
    [InlineData(10_000, 0)]
    [InlineData(10_001, -2)]
    public async Task ReturnsExactMillisecondsGivenPttl(long elapsedMilliseconds, long expected)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 10_000);

        _time.Advance(TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(Reply.Integer(expected), await Ttl(inMilliseconds: true));
    }

    private ValueTask<Reply> Ttl(bool inMilliseconds) =>
        _handler.Handle(new TtlCommand(_keyspace, "k"u8.ToArray(), inMilliseconds), CancellationToken.None);
}
