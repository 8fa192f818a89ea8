using Redis.Application.Commands.Del;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Del;

public class UnlinkCommandBinderTests
{
    [Fact]
    public void BindsToDelCommandWithEveryKey()
    {
        var command = new UnlinkCommandBinder().Bind("UNLINK a b").AssertCommand<DelCommand>();

        Assert.Equal(["a", "b"], command.Keys.Select(k => System.Text.Encoding.UTF8.GetString(k.Span)));
    }
}
