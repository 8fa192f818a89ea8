using System.Text;
using Redis.Application.Commands.Client;
using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Client;

public class ClientCommandHandlerTests
{
    private readonly ClientRegistry _registry = new(new DefaultUser(TestSettings.None));
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = TestClock.Create();
    private readonly ClientPause _pause;
    private readonly ClientCommandHandler _handler;

    public ClientCommandHandlerTests()
    {
        _pause = new ClientPause(_time);
        _handler = new ClientCommandHandler(_registry, _pause, new BlockedClients(new Redis.Domain.Keys.Databases(), _time), TestSettings.None, CommandTable.FromAssembly(), new ErrorStatistics(), _time);
    }

    [Fact]
    public async Task ListShowsTheConnectionsFiguresAndFlagsInRedisOrder()
    {
        var (other, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5001", idleSeconds: 3);
        var (self, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5002");
        other.NoEvict = true;
        other.IsPostponed = true;

        var lines = Text(await Run(self, "CLIENT LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(
            "^id=\\d+ addr=127.0.0.1:5001 laddr=127.0.0.1:6379 fd=7 name= age=\\d+ idle=3 flags=be db=0 sub=0 psub=0 ssub=0 multi=-1 " +
            "qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=16384 events=r cmd=NULL " +
            "user=default redir=-1 resp=2 lib-name= lib-ver=$",
            lines[0]);
        Assert.Contains(" idle=0 flags=N ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" argv-mem=10 ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsEachConnectionsProtocolAsResp()
    {
        var (resp3, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5001");
        var (resp2, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5002");
        resp3.Protocol = RespVersion.Resp3;

        var lines = Text(await Run(resp2, "CLIENT LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(" resp=3 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" resp=2 ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" resp=3 ", Text(await Run(resp3, "CLIENT INFO")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListByIdFollowsTheIdsGivenAndByTypeNormalListsEveryone()
    {
        var first = _registry.Open("127.0.0.1:5001", null);
        var second = _registry.Open("127.0.0.1:5002", null);

        var byId = Text(await Run(first, $"CLIENT LIST ID {second.Id} 999 {first.Id} {second.Id}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var normal = Text(await Run(first, "CLIENT LIST TYPE normal")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([second.Id, first.Id, second.Id], byId.Select(IdOf));
        Assert.Equal(2, normal.Length);
        Assert.Equal(string.Empty, Text(await Run(first, "CLIENT LIST TYPE pubsub")));
        Assert.Equal(string.Empty, Text(await Run(first, "CLIENT LIST TYPE master")));
    }

    [Fact]
    public async Task KillClosesOtherMatchingConnectionsAtOnceAndCountsThem()
    {
        var (self, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5001");
        var (_, second) = FakeClientConnection.Open(_registry, "127.0.0.1:5002");
        var (_, third) = FakeClientConnection.Open(_registry, "127.0.0.1:5003");

        Assert.Equal(Reply.Integer(1), await Run(self, "CLIENT KILL ADDR 127.0.0.1:5002"));
        Assert.Equal("killed by CLIENT KILL", second.ClosedBecause);
        Assert.Null(third.ClosedBecause);

        Assert.Equal(Reply.Integer(1), await Run(self, "CLIENT KILL TYPE normal USER default"));
        Assert.NotNull(third.ClosedBecause);
        Assert.False(self.CloseAfterReply);
        Assert.Single(_registry.Sessions);
    }

    [Fact]
    public async Task KillOfItselfMarksItToCloseAfterTheReply()
    {
        var (self, connection) = FakeClientConnection.Open(_registry, "127.0.0.1:5001");

        Assert.Equal(Reply.Integer(0), await Run(self, $"CLIENT KILL ID {self.Id}"));
        Assert.False(self.CloseAfterReply);

        Assert.Equal(Reply.Integer(1), await Run(self, $"CLIENT KILL ID {self.Id} SKIPME no"));
        Assert.True(self.CloseAfterReply);
        Assert.Null(connection.ClosedBecause);
    }

    [Fact]
    public async Task OldKillFormAnswersOkOrNoSuchClient()
    {
        var (self, _) = FakeClientConnection.Open(_registry, "127.0.0.1:5001");
        var (_, other) = FakeClientConnection.Open(_registry, "127.0.0.1:5002");

        Assert.Equal("ERR No such client", Binding.ErrorText(await Run(self, "CLIENT KILL 127.0.0.1:9")));
        Assert.Equal(Reply.Ok, await Run(self, "CLIENT KILL 127.0.0.1:5002"));
        Assert.NotNull(other.ClosedBecause);
        Assert.Equal(Reply.Ok, await Run(self, "CLIENT KILL 127.0.0.1:5001"));
        Assert.True(self.CloseAfterReply);
    }

    [Fact]
    public async Task PauseEndsAfterItsTimeoutOnTheServerClockOrAtUnpause()
    {
        var session = _registry.Open(null, null);

        Assert.Equal(Reply.Ok, await Run(session, "CLIENT PAUSE 1000 WRITE"));
        Assert.Equal(ClientPauseKind.Write, _pause.Kind);
        _time.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.False(_pause.Tick());

        Assert.Equal(Reply.Ok, await Run(session, "CLIENT PAUSE 1000"));
        Assert.Equal(ClientPauseKind.All, _pause.Kind);
        Assert.Equal(Reply.Ok, await Run(session, "CLIENT UNPAUSE"));
        Assert.Equal(ClientPauseKind.Off, _pause.Kind);
    }

    [Theory]
    [InlineData("CLIENT PAUSE 0")]
    [InlineData("CLIENT PAUSE 9223372036854775807")]
    public async Task PauseWhoseEndIsZeroOrOverflowsEndsAtOnce(string request)
    {
        Assert.Equal(Reply.Ok, await Run(_registry.Open(null, null), request));
        Assert.Equal(ClientPauseKind.Off, _pause.Kind);
    }

    [Fact]
    public async Task ReplyAndNoEvictSetTheSessionsModes()
    {
        var session = _registry.Open(null, null);

        await Run(session, "CLIENT NO-EVICT on");
        Assert.True(session.NoEvict);
        await Run(session, "CLIENT REPLY OFF");
        Assert.True(session.RepliesOff);
        Assert.Equal(Reply.Ok, await Run(session, "CLIENT REPLY ON"));
        Assert.False(session.RepliesOff);
        await Run(session, "CLIENT NO-EVICT OFF");
        Assert.False(session.NoEvict);
    }

    [Fact]
    public async Task AnswersForTheConnectionThatAsks()
    {
        var first = _registry.Open("127.0.0.1:5001", "127.0.0.1:6379");
        var second = _registry.Open("127.0.0.1:5002", "127.0.0.1:6379");

        await Run(first, "CLIENT SETNAME first");

        Assert.Equal(Reply.Integer(second.Id), await Run(second, "CLIENT ID"));
        Assert.Equal(Reply.Nil, await Run(second, "CLIENT GETNAME"));
        Assert.Equal(Reply.Bulk("first"), await Run(first, "CLIENT GETNAME"));
    }

    [Fact]
    public async Task ListsEveryOpenConnectionOneLineEach()
    {
        var first = _registry.Open("127.0.0.1:5001", "127.0.0.1:6379");
        var second = _registry.Open("127.0.0.1:5002", "127.0.0.1:6379");
        first.LastCommand = "get";
        second.Database = 2;

        var lines = Text(await Run(second, "CLIENT LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"id={first.Id} addr=127.0.0.1:5001 laddr=127.0.0.1:6379 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" db=0 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" cmd=get ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"id={second.Id} addr=127.0.0.1:5002 ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" db=2 ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" cmd=client|list ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsOnlyItselfInClientInfo()
    {
        _registry.Open("127.0.0.1:5001", "127.0.0.1:6379");
        var second = _registry.Open("127.0.0.1:5002", "127.0.0.1:6379");

        var info = Text(await Run(second, "CLIENT INFO"));

        Assert.StartsWith($"id={second.Id} addr=127.0.0.1:5002 ", info, StringComparison.Ordinal);
        Assert.Single(info.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("CLIENT SETNAME a\x01b", "ERR Client names cannot contain spaces, newlines or special characters.")]
    [InlineData("CLIENT SETINFO lib-name a\nb", "ERR lib-name cannot contain spaces, newlines or special characters.")]
    [InlineData("CLIENT SETINFO LIB-VER a\u007fb", "ERR LIB-VER cannot contain spaces, newlines or special characters.")]
    public async Task RefusesNamesAndAttributesOutsidePrintableAscii(string request, string error)
    {
        var session = _registry.Open(null, null);

        var reply = await Run(session, request);

        Assert.Equal(error, Binding.ErrorText(reply));
        Assert.Null(session.Name);
        Assert.Null(session.LibraryName);
        Assert.Null(session.LibraryVersion);
    }

    private async Task<Reply> Run(ClientSession session, string request) =>
        await _handler.Handle(new ClientCommandBinder().Bind(request, session).AssertCommand<ClientCommand>(), CancellationToken.None);

    /// <summary>The text of <c>CLIENT LIST</c>/<c>INFO</c>, which is verbatim text (a bulk string to a RESP2 connection).</summary>
    private static string Text(Reply reply)
    {
        Assert.Equal(ReplyKind.Verbatim, reply.Kind);
        return Encoding.UTF8.GetString(reply.Text);
    }

    private static long IdOf(string line) => long.Parse(line[3..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
}
