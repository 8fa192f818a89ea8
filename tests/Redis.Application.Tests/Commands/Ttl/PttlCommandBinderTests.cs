using Redis.Application.Commands.Ttl;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Ttl;

public class PttlCommandBinderTests
{
    [Fact]
    public void BindsKeyAskingForMilliseconds()
    {
        var command = new PttlCommandBinder().Bind("PTTL k").AssertCommand<TtlCommand>();

        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
        Assert.True(command.InMilliseconds);
    }
}
