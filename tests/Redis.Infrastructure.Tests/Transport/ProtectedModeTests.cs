using System.Net;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Transport;

namespace Redis.Infrastructure.Tests.Transport;

public sealed class ProtectedModeTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("10.1.2.3", true)]
    [InlineData("203.0.113.7", true)]
    [InlineData("2001:db8::1", true)]
    public void DeniesOnlyNonLoopbackClientsWhenNoPasswordIsSet(string address, bool denied)
    {
        var remote = new IPEndPoint(IPAddress.Parse(address), 50000);
        Assert.Equal(denied, ProtectedMode.Denies(new RedisServerOptions(), remote));
    }

    [Fact]
    public void AllowsEveryoneWhenAPasswordIsSet()
    {
        var options = new RedisServerOptions { RequirePass = "secret" };
        Assert.False(ProtectedMode.Denies(options, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 50000)));
    }

    [Fact]
    public void AllowsEveryoneWhenProtectedModeIsOff()
    {
        var options = new RedisServerOptions { ProtectedMode = false };
        Assert.False(ProtectedMode.Denies(options, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 50000)));
    }
}
