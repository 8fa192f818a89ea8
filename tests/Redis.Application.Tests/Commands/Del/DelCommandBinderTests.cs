using Redis.Application.Commands.Del;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Del;

public class DelCommandBinderTests
{
    [Fact]
    public void BindsEveryKeyInOrder()
    {
        var command = new DelCommandBinder().Bind("DEL a b a").AssertCommand<DelCommand>();

        Assert.Equal(["a", "b", "a"], command.Keys.Select(k => System.Text.Encoding.UTF8.GetString(k.Span)));
    }
}
