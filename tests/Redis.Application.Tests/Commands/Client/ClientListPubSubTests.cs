using System.Text;
using Redis.Application.Commands.Client;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Client;

/// <summary>CLIENT LIST's <c>sub=</c>, <c>psub=</c>, <c>ssub=</c>, the <c>P</c> flag and <c>TYPE pubsub</c>, as Redis's <c>catClientInfoString</c> prints them.</summary>
public class ClientListPubSubTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _subscriber;
    private readonly ClientSession _other;

    public ClientListPubSubTests()
    {
        _subscriber = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
        _other = _server.Sessions.Open("127.0.0.1:40001", "127.0.0.1:6379");
    }

    [Fact]
    public void CountsEachKindAndFlagsTheSubscriber()
    {
        _server.PubSub.Subscribe(_subscriber, ["a"u8.ToArray(), "b"u8.ToArray()]);
        _server.PubSub.PSubscribe(_subscriber, ["p*"u8.ToArray()]);
        _server.PubSub.SSubscribe(_subscriber, ["s"u8.ToArray()]);
        _subscriber.Transaction.Begin();

        var line = List("CLIENT", "LIST", "ID", _subscriber.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(" flags=Px db=0 sub=2 psub=1 ssub=1 multi=0 ", line, StringComparison.Ordinal);
        Assert.Contains(" flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 ", List("CLIENT", "INFO"), StringComparison.Ordinal);
    }

    [Fact]
    public void TypePubSubSelectsTheSubscribersOnly()
    {
        _server.PubSub.SSubscribe(_subscriber, ["s"u8.ToArray()]);

        var subscribers = List("CLIENT", "LIST", "TYPE", "pubsub");
        var normal = List("CLIENT", "LIST", "TYPE", "normal");

        Assert.Contains("addr=127.0.0.1:40000 ", subscribers, StringComparison.Ordinal);
        Assert.DoesNotContain("addr=127.0.0.1:40001 ", subscribers, StringComparison.Ordinal);
        Assert.Contains("addr=127.0.0.1:40001 ", normal, StringComparison.Ordinal);
        Assert.DoesNotContain("addr=127.0.0.1:40000 ", normal, StringComparison.Ordinal);
    }

    private string List(params string[] words) =>
        Encoding.UTF8.GetString(_server.Router.Run(_other, new ClientCommandBinder(), CommandArgs.From(words)).Bytes);
}
