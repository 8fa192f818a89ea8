using Redis.Application.Commands.Ttl;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Ttl;

public class TtlCommandBinderTests
{
    [Fact]
    public void BindsKeyAskingForSeconds()
    {
        var command = new TtlCommandBinder().Bind("TTL k").AssertCommand<TtlCommand>();

        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
        Assert.False(command.InMilliseconds);
    }
}
