using Redis.Application.Commands.Auth;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Auth;

public class AuthCommandBinderTests
{
    private readonly AuthCommandBinder _binder = new();

    [Fact]
    public void BindsThePasswordAloneWithoutAUser()
    {
        var command = _binder.Bind("AUTH secret").AssertCommand<AuthCommand>();

        Assert.Null(command.Username);
        Assert.Equal("secret"u8.ToArray(), command.Password.ToArray());
    }

    [Fact]
    public void BindsUserAndPassword()
    {
        var command = _binder.Bind("AUTH default secret").AssertCommand<AuthCommand>();

        Assert.Equal("default"u8.ToArray(), command.Username!.Value.ToArray());
        Assert.Equal("secret"u8.ToArray(), command.Password.ToArray());
    }

    [Theory]
    [InlineData("AUTH a b c")]
    [InlineData("AUTH a b c d")]
    public void ReturnsSyntaxErrorGivenMoreThanUserAndPassword(string request)
    {
        Assert.Equal("ERR syntax error", _binder.Bind(request).AssertError());
    }

    [Fact]
    public void IsFlaggedToRunBeforeAuthentication()
    {
        Assert.Equal(-2, _binder.Spec.Arity);
        Assert.True(_binder.Spec.AllowsUnauthenticated);
    }
}
