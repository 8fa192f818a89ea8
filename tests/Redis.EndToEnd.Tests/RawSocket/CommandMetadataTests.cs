using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// <c>COMMAND INFO</c>, <c>DOCS</c> and <c>GETKEYSANDFLAGS</c> over the wire, in RESP2 and after <c>HELLO 3</c>; every
/// expected string is the bytes redis-server 7.0.15 sent for the same command.
/// </summary>
public abstract class CommandMetadataTests(ServerFixture server)
{
    private const string GetInfo2 =
        "*1\r\n*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n"
        + "*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
        + "*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n"
        + "$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n";

    private const string GetInfo3 =
        "*1\r\n*10\r\n$3\r\nget\r\n:2\r\n~2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n~3\r\n+@read\r\n+@string\r\n+@fast\r\n~0\r\n"
        + "~1\r\n%3\r\n$5\r\nflags\r\n~2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n%2\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
        + "%1\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n%2\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n%3\r\n$7\r\nlastkey\r\n:0\r\n"
        + "$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n~0\r\n";

    private const string GetDocs2 =
        "*2\r\n$3\r\nget\r\n*10\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n"
        + "$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\narguments\r\n*1\r\n*6\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n"
        + "$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n";

    private const string GetDocs3 =
        "%1\r\n$3\r\nget\r\n%5\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n"
        + "$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\narguments\r\n*1\r\n%3\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n"
        + "$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n";

    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : CommandMetadataTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : CommandMetadataTests(server);

    [Fact]
    public void AnswersInfoDocsAndKeyFlagsAsRedisInRespTwo()
    {
        using var client = server.Connect();

        Assert.Equal(GetInfo2, client.Call("COMMAND", "INFO", "get"));
        Assert.Equal(GetDocs2, client.Call("COMMAND", "DOCS", "get", "nope"));
        Assert.Equal(
            "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+RW\r\n+insert\r\n",
            client.Call("COMMAND", "GETKEYSANDFLAGS", "smove", "a", "b", "c"));
        Assert.Equal("*1\r\n$-1\r\n", client.Call("COMMAND", "INFO", "nope"));
    }

    [Fact]
    public void AnswersInfoDocsAndKeyFlagsAsRedisInRespThree()
    {
        using var client = server.Connect();
        client.Call("HELLO", "3");

        Assert.Equal(GetInfo3, client.Call("COMMAND", "INFO", "get"));
        Assert.Equal(GetDocs3, client.Call("COMMAND", "DOCS", "get"));
        Assert.Equal(
            "*2\r\n*2\r\n$1\r\na\r\n~3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n~2\r\n+RW\r\n+insert\r\n",
            client.Call("COMMAND", "GETKEYSANDFLAGS", "smove", "a", "b", "c"));
        Assert.Equal("*1\r\n_\r\n", client.Call("COMMAND", "INFO", "nope"));
        Assert.Equal("%0\r\n", client.Call("COMMAND", "DOCS", "nope"));
    }

    [Fact]
    public void AnswersGetKeysAndFlagsErrorsAsRedis()
    {
        using var client = server.Connect();

        Assert.Equal("-ERR The command has no key arguments\r\n", client.Call("COMMAND", "GETKEYSANDFLAGS", "echo", "a"));
        Assert.Equal("-ERR Invalid command specified\r\n", client.Call("COMMAND", "GETKEYSANDFLAGS", "foo", "a"));
        Assert.Equal(
            "-ERR wrong number of arguments for 'command|getkeysandflags' command\r\n",
            client.Call("COMMAND", "GETKEYSANDFLAGS"));
    }
}
