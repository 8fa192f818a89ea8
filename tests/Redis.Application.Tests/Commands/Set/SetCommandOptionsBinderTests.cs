using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Set;

/// <summary>SET's options beyond EX and its twins SETNX, SETEX, PSETEX; each case checked against redis-server 7.0.15.</summary>
public class SetCommandOptionsBinderTests
{
    [Theory]
    [InlineData("SET k v NX", SetCondition.Nx, false)]
    [InlineData("SET k v xx", SetCondition.Xx, false)]
    [InlineData("SET k v NX GET", SetCondition.Nx, true)]
    [InlineData("SET k v GET XX GET", SetCondition.Xx, true)]
    public void BindsConditionAndGet(string request, SetCondition condition, bool get)
    {
        var command = new SetCommandBinder().Bind(request).AssertCommand<SetCommand>();

        Assert.Equal(condition, command.Condition);
        Assert.Equal(get, command.ReturnOldValue);
    }

    [Theory]
    [InlineData("SET k v PX 1500", ExpiryKind.Milliseconds, 1500)]
    [InlineData("SET k v EXAT 1700000000", ExpiryKind.UnixSeconds, 1700000000)]
    [InlineData("SET k v PXAT 1700000000000", ExpiryKind.UnixMilliseconds, 1700000000000)]
    [InlineData("SET k v KEEPTTL", ExpiryKind.KeepTtl, 0)]
    [InlineData("SET k v PX 1 PX 2", ExpiryKind.Milliseconds, 2)]
    public void BindsEveryExpiryOption(string request, ExpiryKind kind, long value)
    {
        var command = new SetCommandBinder().Bind(request).AssertCommand<SetCommand>();

        Assert.Equal(new ExpiryOption(kind, value), command.Expiry);
    }

    [Theory]
    [InlineData("SET k v NX XX")]
    [InlineData("SET k v XX NX")]
    [InlineData("SET k v EX 10 PX 10")]
    [InlineData("SET k v KEEPTTL EX 10")]
    [InlineData("SET k v EX 10 KEEPTTL")]
    [InlineData("SET k v PXAT")]
    [InlineData("SET k v PERSIST")]
    public void ReturnsSyntaxErrorGivenConflictingOptions(string request)
    {
        Assert.Equal("ERR syntax error", new SetCommandBinder().Bind(request).AssertError());
    }

    [Fact]
    public void SetexNamesItselfInTheExpireTimeError()
    {
        var command = new SetExCommandBinder().Bind("SETEX k 0 v").AssertCommand<SetCommand>();

        var result = new SetCommandValidator().Validate(command);

        Assert.Equal("ERR invalid expire time in 'setex' command", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void SetnxRepliesWithAnInteger()
    {
        var command = new SetNxCommandBinder().Bind("SETNX k v").AssertCommand<SetCommand>();

        Assert.Equal(SetCondition.Nx, command.Condition);
        Assert.True(command.RepliesWithInteger);
    }

    [Fact]
    public void PsetexBindsMilliseconds()
    {
        var command = new PSetExCommandBinder().Bind("PSETEX k 250 v").AssertCommand<SetCommand>();

        Assert.Equal(new ExpiryOption(ExpiryKind.Milliseconds, 250), command.Expiry);
        Assert.Equal("v"u8.ToArray(), command.Value.ToArray());
    }
}
