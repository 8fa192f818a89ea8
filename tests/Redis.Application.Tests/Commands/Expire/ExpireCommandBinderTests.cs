using Redis.Application.Commands.Expire;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Expire;

public class ExpireCommandBinderTests
{
    private readonly ExpireCommandBinder _binder = new();

    [Theory]
    [InlineData("EXPIRE k 10", 10, ExpireCondition.None)]
    [InlineData("EXPIRE k -10", -10, ExpireCondition.None)]
    [InlineData("EXPIRE k 0 nx", 0, ExpireCondition.Nx)]
    [InlineData("EXPIRE k 10 NX NX", 10, ExpireCondition.Nx)]
    [InlineData("EXPIRE k 10 xx", 10, ExpireCondition.Xx)]
    [InlineData("EXPIRE k 10 Gt", 10, ExpireCondition.Gt)]
    [InlineData("EXPIRE k 10 LT", 10, ExpireCondition.Lt)]
    [InlineData("EXPIRE k 10 XX GT", 10, ExpireCondition.Xx | ExpireCondition.Gt)]
    [InlineData("EXPIRE k 10 LT XX", 10, ExpireCondition.Xx | ExpireCondition.Lt)]
    [InlineData("EXPIRE k 9223372036854775807", long.MaxValue, ExpireCondition.None)]
    public void BindsSecondsAndConditions(string request, long seconds, ExpireCondition condition)
    {
        var command = _binder.Bind(request).AssertCommand<ExpireCommand>();

        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
        Assert.Equal(seconds, command.Seconds);
        Assert.Equal(condition, command.Condition);
    }

    [Theory]
    [InlineData("EXPIRE k 10 foo", "ERR Unsupported option foo")]
    [InlineData("EXPIRE k 10 NX foo", "ERR Unsupported option foo")]
    [InlineData("EXPIRE k abc foo", "ERR Unsupported option foo")]
    [InlineData("EXPIRE k 10 NX XX", "ERR NX and XX, GT or LT options at the same time are not compatible")]
    [InlineData("EXPIRE k 10 GT NX", "ERR NX and XX, GT or LT options at the same time are not compatible")]
    [InlineData("EXPIRE k 10 NX LT", "ERR NX and XX, GT or LT options at the same time are not compatible")]
    [InlineData("EXPIRE k 10 NX GT LT", "ERR NX and XX, GT or LT options at the same time are not compatible")]
    [InlineData("EXPIRE k abc NX XX", "ERR NX and XX, GT or LT options at the same time are not compatible")]
    [InlineData("EXPIRE k 10 GT LT", "ERR GT and LT options at the same time are not compatible")]
    [InlineData("EXPIRE k 10 XX GT LT", "ERR GT and LT options at the same time are not compatible")]
    [InlineData("EXPIRE k abc", "ERR value is not an integer or out of range")]
    [InlineData("EXPIRE k 10.5 NX", "ERR value is not an integer or out of range")]
    [InlineData("EXPIRE k 9223372036854775808", "ERR value is not an integer or out of range")]
    public void ReturnsRedisErrorGivenBadOptionsOrSeconds(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
    }

    [Fact]
    public void QuotesWholeUnsupportedOptionWithLineBreaksReplaced()
    {
        var option = "fo\r\no" + new string('x', 200);

        var error = _binder.Bind(CommandArgs.From("EXPIRE", "k", "10", option)).AssertError();

        Assert.Equal("ERR Unsupported option fo  o" + new string('x', 200), error);
    }
}
