using Redis.Application.Commands.HIncrByFloat;
using Redis.Application.Commands.HRandField;
using Redis.Application.Commands.HScan;
using Redis.Application.Commands.HSet;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.HashBinders;

/// <summary>The hash binders' checks before the lookup, in Redis 7.0.15's order.</summary>
public class HashCommandBinderTests
{
    [Fact]
    public void HSetBindsPairsAndRefusesAnOddCountWithTheArityError()
    {
        var command = new HSetCommandBinder().Bind("HSET h a 1 b 2").AssertCommand<HSetCommand>();
        Assert.Equal(4, command.Pairs.Length);
        Assert.False(command.AnswerOk);

        Assert.True(new HMSetCommandBinder().Bind("HMSET h a 1").AssertCommand<HSetCommand>().AnswerOk);
        Assert.Equal("ERR wrong number of arguments for 'hset' command", new HSetCommandBinder().Bind("HSET h a 1 b").AssertError());
        Assert.Equal("ERR wrong number of arguments for 'hmset' command", new HMSetCommandBinder().Bind("HMSET h a 1 b").AssertError());
    }

    [Theory]
    [InlineData("HINCRBYFLOAT h f x", "ERR value is not a valid float")]
    [InlineData("HINCRBYFLOAT h f inf", "ERR value is NaN or Infinity")]
    [InlineData("HINCRBYFLOAT h f -inf", "ERR value is NaN or Infinity")]
    [InlineData("HINCRBYFLOAT h f nan", "ERR value is not a valid float")]
    public void HIncrByFloatRefusesBeforeTheLookup(string request, string expected)
    {
        Assert.Equal(expected, new HIncrByFloatCommandBinder().Bind(request).AssertError());
    }

    [Theory]
    [InlineData("HRANDFIELD h", null, false)]
    [InlineData("HRANDFIELD h -5", -5L, false)]
    [InlineData("HRANDFIELD h 3 withvalues", 3L, true)]
    [InlineData("HRANDFIELD h 4611686018427387903 WITHVALUES", 4611686018427387903L, true)]
    public void HRandFieldBindsCountAndWithValues(string request, long? count, bool withValues)
    {
        var command = new HRandFieldCommandBinder().Bind(request).AssertCommand<HRandFieldCommand>();

        Assert.Equal(count, command.Count);
        Assert.Equal(withValues, command.WithValues);
    }

    [Theory]
    [InlineData("HRANDFIELD h x", "ERR value is not an integer or out of range")]
    [InlineData("HRANDFIELD h -9223372036854775808", "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807")]
    [InlineData("HRANDFIELD h 1 WITHVALUE", "ERR syntax error")]
    [InlineData("HRANDFIELD h 1 WITHVALUES x", "ERR syntax error")]
    [InlineData("HRANDFIELD h 4611686018427387904 WITHVALUES", "ERR value is out of range")]
    [InlineData("HRANDFIELD h -4611686018427387904 WITHVALUES", "ERR value is out of range")]
    public void HRandFieldReturnsRedisErrors(string request, string expected)
    {
        Assert.Equal(expected, new HRandFieldCommandBinder().Bind(request).AssertError());
    }

    [Fact]
    public void HScanKeepsAnOptionErrorForAfterTheLookup()
    {
        var binder = new HScanCommandBinder();

        var good = binder.Bind("HSCAN h 5 MATCH f* COUNT 3").AssertCommand<HScanCommand>();
        Assert.Equal((5UL, 3L), (good.Cursor, good.Count));
        Assert.Null(good.OptionsError);

        Assert.NotNull(binder.Bind("HSCAN h 0 COUNT 0").AssertCommand<HScanCommand>().OptionsError);
        Assert.NotNull(binder.Bind("HSCAN h 0 TYPE hash").AssertCommand<HScanCommand>().OptionsError);
        Assert.Equal("ERR invalid cursor", binder.Bind("HSCAN h x").AssertError());
    }
}
