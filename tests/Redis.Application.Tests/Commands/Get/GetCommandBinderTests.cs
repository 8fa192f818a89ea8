using Redis.Application.Commands.Get;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Get;

public class GetCommandBinderTests
{
    [Fact]
    public void BindsKey()
    {
        var command = new GetCommandBinder().Bind("GET mykey").AssertCommand<GetCommand>();

        Assert.Equal("mykey"u8.ToArray(), command.Key.ToArray());
    }
}
