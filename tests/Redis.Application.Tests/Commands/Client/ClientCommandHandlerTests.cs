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
    private readonly ClientCommandHandler _handler;

    public ClientCommandHandlerTests()
    {
        _handler = new ClientCommandHandler(_registry, TestSettings.None, CommandTable.FromAssembly());
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

    private static string Text(Reply reply) => Encoding.UTF8.GetString(reply.Bytes);
}
