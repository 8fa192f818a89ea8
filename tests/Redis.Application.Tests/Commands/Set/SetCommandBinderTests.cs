using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Set;

public class SetCommandBinderTests
{
    private readonly SetCommandBinder _binder = new();

    [Fact]
    public void BindsKeyAndValueWithoutExpiry()
    {
        var command = _binder.Bind("SET k v").AssertCommand<SetCommand>();

        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
        Assert.Equal("v"u8.ToArray(), command.Value.ToArray());
        Assert.Equal(default, command.Expiry);
    }

    [Theory]
    [InlineData("SET k v EX 10", 10)]
    [InlineData("SET k v ex 10", 10)]
    [InlineData("SET k v eX 10", 10)]
    [InlineData("SET k v EX 10 EX 20", 20)]
    [InlineData("SET k v EX abc EX 20", 20)]
    [InlineData("SET k v EX 0", 0)]
    [InlineData("SET k v EX -5", -5)]
    [InlineData("SET k v EX 9223372036854775807", long.MaxValue)]
    public void BindsExpireSecondsGivenExOption(string request, long expected)
    {
        var command = _binder.Bind(request).AssertCommand<SetCommand>();

        Assert.Equal(new ExpiryOption(ExpiryKind.Seconds, expected), command.Expiry);
    }

    [Theory]
    [InlineData("SET k v EX")]
    [InlineData("SET k v foo")]
    [InlineData("SET k v EXX 10")]
    [InlineData("SET k v EX 10 foo")]
    [InlineData("SET k v EX 10 EX")]
    [InlineData("SET k v EX abc foo")]
    [InlineData("SET k v 10")]
    public void ReturnsSyntaxErrorGivenUnknownOrIncompleteOption(string request)
    {
        Assert.Equal("ERR syntax error", _binder.Bind(request).AssertError());
    }

    [Theory]
    [InlineData("SET k v EX abc")]
    [InlineData("SET k v EX 1.5")]
    [InlineData("SET k v EX +10")]
    [InlineData("SET k v EX 010")]
    [InlineData("SET k v EX 9223372036854775808")]
    public void ReturnsNotAnIntegerGivenMalformedSeconds(string request)
    {
        Assert.Equal("ERR value is not an integer or out of range", _binder.Bind(request).AssertError());
    }
}
