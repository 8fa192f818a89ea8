using Redis.Application.Commands.ZAdd;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.SortedSets;

namespace Redis.Application.Tests.Commands.ZAdd;

/// <summary>ZADD's checks come in zaddGenericCommand's order: pairs, incompatible options, INCR's single pair, scores.</summary>
public class ZAddCommandBinderTests
{
    private readonly ZAddCommandBinder _binder = new();

    [Theory]
    [InlineData("ZADD k NX XX 1", "ERR syntax error")]
    [InlineData("ZADD k NX XX 1 a", "ERR XX and NX options at the same time are not compatible")]
    [InlineData("ZADD k GT LT NX XX abc a", "ERR XX and NX options at the same time are not compatible")]
    [InlineData("ZADD k GT LT abc a", "ERR GT, LT, and/or NX options at the same time are not compatible")]
    [InlineData("ZADD k INCR abc a 1 b", "ERR INCR option supports a single increment-element pair")]
    [InlineData("ZADD k 1 a nan b", "ERR value is not a valid float")]
    public void ChecksInRedisOrder(string request, string error) =>
        Assert.Equal(error, _binder.Bind(request).AssertError());

    [Fact]
    public void ReadsOptionsInAnyOrderAndCase()
    {
        var command = _binder.Bind("ZADD k ch xx Gt 1.5 a -inf b").AssertCommand<ZAddCommand>();
        Assert.Equal(ZAddOptions.Xx | ZAddOptions.Gt, command.Options);
        Assert.True(command.Changed);
        Assert.Equal([1.5, double.NegativeInfinity], command.Scores);
    }

    [Fact]
    public void ZIncrByReadsAnOptionWordAsZaddDoes()
    {
        var binder = new ZIncrByCommandBinder();
        Assert.Equal("ERR syntax error", binder.Bind("ZINCRBY k nx a").AssertError());
        var command = binder.Bind("ZINCRBY k 2 a").AssertCommand<ZAddCommand>();
        Assert.Equal(ZAddOptions.Incr, command.Options);
    }
}
