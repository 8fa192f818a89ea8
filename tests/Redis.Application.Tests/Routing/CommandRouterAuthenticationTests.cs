using Mediator;
using Moq;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Auth;
using Redis.Application.Commands.Client;
using Redis.Application.Commands.Get;
using Redis.Application.Commands.Hello;
using Redis.Application.Commands.Ping;
using Redis.Application.Commands.Quit;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

/// <summary>The NOAUTH gate: where Redis's <c>processCommand</c> puts it, and only while a password is set.</summary>
public class CommandRouterAuthenticationTests
{
    private const string NoAuth = "NOAUTH Authentication required.";

    private ClientSession _session = TestSessions.Open();
    private readonly Mock<ISender> _sender = new(MockBehavior.Strict);

    [Theory]
    [InlineData("GET", "k")]
    [InlineData("get", "k")]
    [InlineData("PING")]
    [InlineData("CLIENT", "ID")]
    [InlineData("CLIENT", "SETNAME", "x")]
    public void RefusesCommandsBeforeAuthentication(params string[] words)
    {
        var router = Create("secret", out _);

        Assert.Equal(NoAuth, Binding.ErrorText(Execute(router, words)));
        _sender.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(new[] { "FOO", "a" }, "ERR unknown command 'FOO', with args beginning with: 'a' ")]
    [InlineData(new[] { "GET" }, "ERR wrong number of arguments for 'get' command")]
    [InlineData(new[] { "GET", "a", "b" }, "ERR wrong number of arguments for 'get' command")]
    [InlineData(new[] { "CLIENT" }, "ERR wrong number of arguments for 'client' command")]
    [InlineData(new[] { "CLIENT", "FOO" }, "ERR unknown subcommand 'FOO'. Try CLIENT HELP.")]
    [InlineData(new[] { "CLIENT", "GETNAME", "x" }, "ERR wrong number of arguments for 'client|getname' command")]
    [InlineData(new[] { "AUTH" }, "ERR wrong number of arguments for 'auth' command")]
    public void ReportsNameAndArityErrorsBeforeAskingForAuthentication(string[] words, string expected)
    {
        var router = Create("secret", out _);

        Assert.Equal(expected, Binding.ErrorText(Execute(router, words)));
    }

    [Fact]
    public void LetsNoAuthCommandsThrough()
    {
        var router = Create("secret", out _);

        Assert.Equal(Errors.WrongPass, Execute(router, "AUTH", "wrong"));
        Assert.Equal(Errors.HelloNoAuth, Execute(router, "HELLO", "2"));
        Assert.Equal("ERR syntax error", Binding.ErrorText(Execute(router, "AUTH", "a", "b", "c")));
        Assert.True(Execute(router, "QUIT").ClosesConnection);
    }

    [Fact]
    public void RunsEveryCommandOnceAuthenticated()
    {
        var router = Create("secret", out var client);

        Assert.Equal(Reply.Ok, Execute(router, "AUTH", "secret"));

        Assert.True(client.IsAuthenticated);
        Assert.Equal(Reply.Nil, Execute(router, "GET", "k"));
        Assert.Equal(Reply.Pong, Execute(router, "PING"));
    }

    [Fact]
    public void AuthenticatesThroughHello()
    {
        var router = Create("secret", out _);

        Assert.Equal(ReplyKind.Map, Execute(router, "HELLO", "2", "AUTH", "default", "secret").Kind);
        Assert.Equal(Reply.Nil, Execute(router, "GET", "k"));
    }

    [Fact]
    public void AsksAgainOnTheNextConnection()
    {
        var router = Create("secret", out _);
        Execute(router, "AUTH", "secret");

        _session = TestSessions.Open(TestSettings.WithPassword("secret"));

        Assert.Equal(NoAuth, Binding.ErrorText(Execute(router, "GET", "k")));
    }

    [Fact]
    public void AsksNothingWithoutAPassword()
    {
        var router = Create(string.Empty, out var client);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(Reply.Nil, Execute(router, "GET", "k"));
    }

    [Fact]
    public void FlagsOnlyTheCommandsRedisLetsThroughUnauthenticated()
    {
        var allowed = CommandTable.FromAssembly().Commands.Where(c => c.AllowsUnauthenticated).Select(c => c.Name);

        // Redis 7.0.15's no_auth commands.
        Assert.Equal(["auth", "hello", "quit", "reset"], allowed.Order(StringComparer.Ordinal));
    }

    private CommandRouter Create(string password, out ClientSession client)
    {
        var user = new DefaultUser(TestSettings.WithPassword(password));
        _session = TestSessions.Open(TestSettings.WithPassword(password));
        client = _session;
        var time = TestClock.Create();
        _sender
            .Setup(s => s.Send(It.IsAny<IRequest<Reply>>(), It.IsAny<CancellationToken>()))
            .Returns((IRequest<Reply> request, CancellationToken ct) => request switch
            {
                AuthCommand auth => new AuthCommandHandler(user).Handle(auth, ct),
                HelloCommand hello => new HelloCommandHandler(user).Handle(hello, ct),
                QuitCommand quit => new QuitCommandHandler().Handle(quit, ct),
                GetCommand get => new GetCommandHandler(time).Handle(get, ct),
                PingCommand ping => new PingCommandHandler().Handle(ping, ct),
                _ => throw new NotSupportedException(request.GetType().Name),
            });

        var databases = new Databases();
        var table = new CommandTable(
        [
            new AuthCommandBinder(), new HelloCommandBinder(), new QuitCommandBinder(), new GetCommandBinder(),
            new PingCommandBinder(), new ClientCommandBinder(),
        ]);
        return new CommandRouter(table, _sender.Object, user, new ClientPause(TimeProvider.System), new RunningScript(TestSettings.None, TimeProvider.System), databases, new SlowLog(TestSettings.None), new ClientRegistry(user), TimeProvider.System, Mock.Of<IPersistence>(), new CommandPropagation(databases), new ErrorStatistics(), new MemoryLimit(databases, TestSettings.None, TestEvents.Off, new CommandPropagation(databases), new ServerStatistics(), TimeProvider.System, startupBytes: 0), TestReplication.Create(databases));
    }

    private Reply Execute(CommandRouter router, params string[] words) => router.Execute(_session, CommandArgs.From(words));
}
