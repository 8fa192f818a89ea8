using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Expire;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Expire;

public class ExpireCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;
    private const long NoTtl = -1;
    private const long Deleted = -2;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ExpireCommandHandler _handler;

    public ExpireCommandHandlerTests()
    {
        _handler = new ExpireCommandHandler(_time, TestEvents.Off, TestPropagation.Off);
    }

    [Fact]
    public async Task ReturnsZeroGivenMissingKey()
    {
        Assert.Equal(Reply.Zero, await Expire(10));
        Assert.Equal(0, _keyspace.Count);
    }

    [Fact]
    public async Task SetsTtlOnKeyWithoutExpiry()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        Assert.Equal(Reply.One, await Expire(10));

        Assert.Equal(10, TtlSeconds());
    }

    [Fact]
    public async Task ExpiresKeyOnceTheSecondsHavePassed()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());
        await Expire(10);

        _time.Advance(TimeSpan.FromMilliseconds(10_001));

        Assert.Equal(Deleted, TtlSeconds());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-9223372036854775)]
    public async Task DeletesKeyAndReturnsOneGivenZeroOrNegativeSeconds(long seconds)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 60_000);

        Assert.Equal(Reply.One, await Expire(seconds));

        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(0, _keyspace.ExpiredKeys);
    }

    [Fact]
    public async Task ReturnsZeroGivenKeyWhoseTtlElapsed()
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), Start + 1000);
        _time.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Equal(Reply.Zero, await Expire(10));
        Assert.Equal(0, _keyspace.Count);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("missing")]
    public async Task ReturnsInvalidExpireTimeGivenSecondsThatOverflowWhenAddedToNow(string key)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray());

        var reply = await _handler.Handle(new ExpireCommand(_keyspace, Binding.Bytes(key), long.MaxValue / 1000), CancellationToken.None);

        Assert.Equal("ERR invalid expire time in 'expire' command", Binding.ErrorText(reply));
        Assert.Equal(NoTtl, TtlSeconds());
    }

    /// <summary>Each row was checked against redis-server 7.0.15: a key with a TTL of <paramref name="currentTtl"/> seconds (or none), then EXPIRE.</summary>
    [Theory]
    [InlineData(NoTtl, 10, ExpireCondition.Nx, 1, 10)]
    [InlineData(50, 10, ExpireCondition.Nx, 0, 50)]
    [InlineData(NoTtl, 10, ExpireCondition.Xx, 0, NoTtl)]
    [InlineData(50, 10, ExpireCondition.Xx, 1, 10)]
    [InlineData(NoTtl, 10, ExpireCondition.Gt, 0, NoTtl)]
    [InlineData(50, 60, ExpireCondition.Gt, 1, 60)]
    [InlineData(50, 50, ExpireCondition.Gt, 0, 50)]
    [InlineData(50, 40, ExpireCondition.Gt, 0, 50)]
    [InlineData(50, -5, ExpireCondition.Gt, 0, 50)]
    [InlineData(NoTtl, 10, ExpireCondition.Lt, 1, 10)]
    [InlineData(NoTtl, -5, ExpireCondition.Lt, 1, Deleted)]
    [InlineData(50, 40, ExpireCondition.Lt, 1, 40)]
    [InlineData(50, 50, ExpireCondition.Lt, 0, 50)]
    [InlineData(50, 60, ExpireCondition.Lt, 0, 50)]
    [InlineData(50, -5, ExpireCondition.Lt, 1, Deleted)]
    [InlineData(NoTtl, 70, ExpireCondition.Xx | ExpireCondition.Gt, 0, NoTtl)]
    [InlineData(50, 70, ExpireCondition.Xx | ExpireCondition.Gt, 1, 70)]
    [InlineData(50, 10, ExpireCondition.Xx | ExpireCondition.Gt, 0, 50)]
    [InlineData(NoTtl, 10, ExpireCondition.Xx | ExpireCondition.Lt, 0, NoTtl)]
    [InlineData(50, 10, ExpireCondition.Xx | ExpireCondition.Lt, 1, 10)]
    public async Task AppliesConditionsAsRedisDoes(
        long currentTtl, long seconds, ExpireCondition condition, long expectedReply, long expectedTtl)
    {
        _keyspace.Set("k"u8, "v"u8.ToArray(), currentTtl == NoTtl ? Entry.NoExpiry : Start + (currentTtl * 1000));

        var reply = await _handler.Handle(new ExpireCommand(_keyspace, "k"u8.ToArray(), seconds, condition), CancellationToken.None);

        Assert.Equal(Reply.Integer(expectedReply), reply);
        Assert.Equal(expectedTtl, TtlSeconds());
    }

    private ValueTask<Reply> Expire(long seconds) =>
        _handler.Handle(new ExpireCommand(_keyspace, "k"u8.ToArray(), seconds), CancellationToken.None);

    private long TtlSeconds()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_keyspace.Get("k"u8, now, out var entry) != KeyLookup.Found)
        {
            return Deleted;
        }

        return entry.HasExpiry ? (entry.ExpiresAt - now) / 1000 : NoTtl;
    }
}
