using Redis.Application.Commands.Quit;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Quit;

public class QuitCommandBinderTests
{
    [Theory]
    [InlineData("QUIT")]
    [InlineData("QUIT a b")]
    public void BindsQuitIgnoringArguments(string request)
    {
        Assert.Same(QuitCommand.Instance, new QuitCommandBinder().Bind(request).AssertCommand<QuitCommand>());
    }
}
