using Redis.Application.Common;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Sessions;

public class ClientRegistryTests
{
    [Fact]
    public void GivesEachConnectionItsOwnIdCountingUpFromOne()
    {
        var registry = new ClientRegistry(new DefaultUser(TestSettings.None));

        var first = registry.Open("127.0.0.1:1", "127.0.0.1:6379");
        var second = registry.Open("127.0.0.1:2", "127.0.0.1:6379");
        registry.Close(first);
        var third = registry.Open("127.0.0.1:3", "127.0.0.1:6379");

        Assert.Equal([1L, 2L, 3L], [first.Id, second.Id, third.Id]);
        Assert.Equal([second, third], registry.Sessions);
        Assert.Equal(2, registry.Count);
    }

    [Fact]
    public void KeepsEachConnectionsStateApart()
    {
        var registry = new ClientRegistry(new DefaultUser(TestSettings.WithPassword("secret")));
        var first = registry.Open(null, null);
        var second = registry.Open(null, null);

        first.Authenticate();
        first.Name = "worker"u8.ToArray();
        first.Database = 3;

        Assert.False(second.IsAuthenticated);
        Assert.Null(second.Name);
        Assert.Equal(0, second.Database);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("secret", false)]
    public void StartsAuthenticatedOnlyWithoutAPassword(string password, bool authenticated)
    {
        var registry = new ClientRegistry(new DefaultUser(TestSettings.WithPassword(password)));

        Assert.Equal(authenticated, registry.Open(null, null).IsAuthenticated);
    }

    [Fact]
    public void CountsNoSessionOnceAllAreClosed()
    {
        var registry = new ClientRegistry(new DefaultUser(TestSettings.None));
        var session = registry.Open(null, null);

        registry.Close(session);

        Assert.Equal(0, registry.Count);
        Assert.Empty(registry.Sessions);
    }

    [Fact]
    public void ClosingTwiceLeavesTheOthersOpen()
    {
        var registry = new ClientRegistry(new DefaultUser(TestSettings.None));
        var first = registry.Open(null, null);
        var second = registry.Open(null, null);

        registry.Close(first);
        registry.Close(first);

        Assert.Equal([second], registry.Sessions);
        Assert.Equal(1, registry.Count);
    }
}
