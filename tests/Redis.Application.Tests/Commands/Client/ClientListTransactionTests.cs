using System.Text;
using Redis.Application.Commands.Client;
using Redis.Application.Commands.Get;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Client;

/// <summary>CLIENT LIST's <c>multi=</c> and the <c>x</c>/<c>d</c> flags, as Redis's <c>getClientInfoString</c> prints them.</summary>
public class ClientListTransactionTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _session;

    public ClientListTransactionTests()
    {
        _session = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
    }

    [Fact]
    public void ShowsNoTransactionOutsideMulti()
    {
        Assert.Contains(" flags=N ", Info(), StringComparison.Ordinal);
        Assert.Contains(" multi=-1 ", Info(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheQueuedCountAndTheMultiFlag()
    {
        _session.Transaction.Begin();
        _session.Transaction.Queue(new GetCommandBinder(), CommandArgs.From("GET", "k"));

        Assert.Contains(" flags=x ", Info(), StringComparison.Ordinal);
        Assert.Contains(" multi=1 ", Info(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheDirtyFlagOnceAWatchedKeyChanged()
    {
        _session.Transaction.Watch(_server.Keyspace, "k"u8, 0);
        _server.Keyspace.Set("k"u8, "v"u8);
        Assert.Contains(" flags=d ", Info(), StringComparison.Ordinal);

        _session.Transaction.Begin();
        Assert.Contains(" flags=xd ", Info(), StringComparison.Ordinal);
    }

    // Run past the queue, as EXEC runs a queued CLIENT INFO: sent inside MULTI it would only be queued.
    private string Info() =>
        Encoding.UTF8.GetString(_server.Router.Run(_session, new ClientCommandBinder(), CommandArgs.From("CLIENT", "INFO")).Bytes);
}
