using Redis.Application.Commands.Client;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Client;

/// <summary>The CLIENT subcommands' parsing: every error text and its order as redis-server 7.0.15 answers.</summary>
public class ClientCommandBinderTests
{
    private readonly ClientCommandBinder _binder = new();

    [Theory]
    [InlineData("CLIENT KILL", "ERR wrong number of arguments for 'client|kill' command")]
    [InlineData("CLIENT KILL ID 0", "ERR client-id should be greater than 0")]
    [InlineData("CLIENT KILL ID -1", "ERR client-id should be greater than 0")]
    [InlineData("CLIENT KILL ID abc", "ERR client-id should be greater than 0")]
    [InlineData("CLIENT KILL ID 9223372036854775808", "ERR client-id should be greater than 0")]
    [InlineData("CLIENT KILL foo bar", "ERR syntax error")]
    [InlineData("CLIENT KILL ID 1 SKIPME", "ERR syntax error")]
    [InlineData("CLIENT KILL SKIPME maybe", "ERR syntax error")]
    [InlineData("CLIENT KILL MAXAGE 10", "ERR syntax error")]
    [InlineData("CLIENT KILL TYPE foo", "ERR Unknown client type 'foo'")]
    [InlineData("CLIENT KILL TYPE foo ID 0", "ERR Unknown client type 'foo'")]
    [InlineData("CLIENT KILL ID 0 TYPE foo", "ERR client-id should be greater than 0")]
    [InlineData("CLIENT KILL USER nobody", "ERR No such user 'nobody'")]
    [InlineData("CLIENT KILL USER Default", "ERR No such user 'Default'")]
    [InlineData("CLIENT LIST foo", "ERR syntax error")]
    [InlineData("CLIENT LIST TYPE", "ERR syntax error")]
    [InlineData("CLIENT LIST ID", "ERR syntax error")]
    [InlineData("CLIENT LIST TYPE normal x", "ERR syntax error")]
    [InlineData("CLIENT LIST TYPE foo", "ERR Unknown client type 'foo'")]
    [InlineData("CLIENT LIST ID 1 abc", "ERR Invalid client ID")]
    [InlineData("CLIENT PAUSE", "ERR wrong number of arguments for 'client|pause' command")]
    [InlineData("CLIENT PAUSE abc", "ERR timeout is not an integer or out of range")]
    [InlineData("CLIENT PAUSE 1.5", "ERR timeout is not an integer or out of range")]
    [InlineData("CLIENT PAUSE -1", "ERR timeout is negative")]
    [InlineData("CLIENT PAUSE 10 foo", "ERR CLIENT PAUSE mode must be WRITE or ALL")]
    [InlineData("CLIENT PAUSE abc foo", "ERR CLIENT PAUSE mode must be WRITE or ALL")]
    [InlineData("CLIENT pause 1 ALL x", "ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.")]
    [InlineData("CLIENT UNPAUSE x", "ERR wrong number of arguments for 'client|unpause' command")]
    [InlineData("CLIENT REPLY", "ERR wrong number of arguments for 'client|reply' command")]
    [InlineData("CLIENT REPLY foo", "ERR syntax error")]
    [InlineData("CLIENT NO-EVICT", "ERR wrong number of arguments for 'client|no-evict' command")]
    [InlineData("CLIENT NO-EVICT foo", "ERR syntax error")]
    public void RefusesAsRedisDoes(string request, string error)
    {
        Assert.Equal(error, _binder.Bind(request).AssertError());
    }

    [Fact]
    public void OldKillFormTakesTheAddressAndMayKillItself()
    {
        var kill = _binder.Bind("CLIENT KILL 127.0.0.1:5000").AssertCommand<ClientCommand>().Kill!;

        Assert.Equal(new ClientKillFilter(Address: "127.0.0.1:5000", SkipMe: false, OldForm: true), kill);
    }

    [Fact]
    public void NewKillFormCollectsEveryFilterAndSkipsItselfByDefault()
    {
        var kill = _binder.Bind("CLIENT KILL laddr 1.2.3.4:6379 ADDR 5.6.7.8:9 id 3 user default type SLAVE")
            .AssertCommand<ClientCommand>().Kill!;

        Assert.Equal(new ClientKillFilter("5.6.7.8:9", "1.2.3.4:6379", 3, ClientType.Replica, SkipMe: true), kill);
        Assert.False(_binder.Bind("CLIENT KILL SKIPME no ID 1").AssertCommand<ClientCommand>().Kill!.SkipMe);
    }

    [Theory]
    [InlineData("CLIENT PAUSE 100", 100, ClientPauseKind.All)]
    [InlineData("CLIENT PAUSE 0 write", 0, ClientPauseKind.Write)]
    [InlineData("CLIENT PAUSE 9223372036854775807 ALL", long.MaxValue, ClientPauseKind.All)]
    public void PauseTakesItsTimeoutAndMode(string request, long milliseconds, ClientPauseKind kind)
    {
        var command = _binder.Bind(request).AssertCommand<ClientCommand>();

        Assert.Equal(milliseconds, command.PauseMilliseconds);
        Assert.Equal(kind, command.PauseKind);
    }

    [Fact]
    public void ListTakesATypeOrIdsInOrderAndCountsItsArgumentBytes()
    {
        var byType = _binder.Bind("CLIENT LIST type PubSub").AssertCommand<ClientCommand>();
        var byId = _binder.Bind("CLIENT LIST ID 3 -5 3").AssertCommand<ClientCommand>();

        Assert.Equal(ClientType.PubSub, byType.Type);
        Assert.Equal([3L, -5L, 3L], byId.Ids!);
        Assert.Equal("CLIENTLISTtypePubSub".Length, byType.ArgumentBytes);
    }

    [Theory]
    [InlineData("CLIENT REPLY on", ClientSubcommand.ReplyOn)]
    [InlineData("CLIENT REPLY OFF", ClientSubcommand.ReplyOff)]
    [InlineData("CLIENT REPLY Skip", ClientSubcommand.ReplySkip)]
    [InlineData("CLIENT NO-EVICT on", ClientSubcommand.NoEvictOn)]
    [InlineData("CLIENT no-evict OFF", ClientSubcommand.NoEvictOff)]
    [InlineData("CLIENT UNPAUSE", ClientSubcommand.Unpause)]
    public void ModesBindToTheirSubcommand(string request, ClientSubcommand subcommand)
    {
        Assert.Equal(subcommand, _binder.Bind(request).AssertCommand<ClientCommand>().Subcommand);
    }
}
