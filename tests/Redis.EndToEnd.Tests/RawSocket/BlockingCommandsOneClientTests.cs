using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// The blocking commands on the one-client transport: nobody else can push while the one connection is served, so an
/// empty key answers at once as a timeout, as Redis answers inside MULTI (a null array; BLMOVE's nil).
/// </summary>
[Collection(ServerCollection.Name)]
[TransportSpecific("Answering at once holds only while one connection is served; the event loop blocks the client until a push or its timeout (EventLoop/BlockingCommandsTests).")]
public sealed class BlockingCommandsOneClientTests(ServerFixture server)
{
    [Theory]
    [InlineData("*-1\r\n", "BLPOP", "oc:none", "0")]
    [InlineData("*-1\r\n", "BRPOP", "oc:none", "oc:none2", "100")]
    [InlineData("*-1\r\n", "BLMPOP", "0", "1", "oc:none", "LEFT")]
    [InlineData("$-1\r\n", "BLMOVE", "oc:none", "oc:dst", "LEFT", "LEFT", "0")]
    [InlineData("$-1\r\n", "BRPOPLPUSH", "oc:none", "oc:dst", "0")]
    [InlineData("*-1\r\n", "BZPOPMIN", "oc:none", "0")]
    [InlineData("*-1\r\n", "BZMPOP", "0", "1", "oc:none", "MAX")]
    public void AnEmptyKeyAnswersAtOnce(string expected, params string[] command)
    {
        using var client = server.Connect();

        Assert.Equal(expected, client.Call(command));
        Assert.Contains("blocked_clients:0\r\n", client.Call("INFO", "clients"), StringComparison.Ordinal);
    }
}
