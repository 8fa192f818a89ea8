using Mediator;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Abstractions;
using Redis.Application.Behaviors;
using Redis.Application.Commands.Echo;
using Redis.Application.Commands.Get;
using Redis.Application.Commands.Ping;
using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

public class CommandRouterTests
{
    private readonly Databases _databases = new();
    private readonly ClientSession _session = TestSessions.Open();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly Mock<ISender> _sender = new(MockBehavior.Strict);
    private readonly CommandRouter _router;
    private readonly ClientPause _pause;

    public CommandRouterTests()
    {
        // The Mediator generator runs only in Redis.Server, so this stands in for it: the same handlers, behind the
        // validation behaviour where the command has a validator.
        _sender
            .Setup(s => s.Send(It.IsAny<IRequest<Reply>>(), It.IsAny<CancellationToken>()))
            .Returns((IRequest<Reply> request, CancellationToken ct) => request switch
            {
                SetCommand set => new ValidationBehavior<SetCommand, Reply>([new SetCommandValidator()])
                    .Handle(set, new SetCommandHandler(_time, TestEvents.Off, TestPropagation.Off).Handle, ct),
                GetCommand get => new GetCommandHandler(_time).Handle(get, ct),
                PingCommand ping => new PingCommandHandler().Handle(ping, ct),
                EchoCommand echo => new EchoCommandHandler().Handle(echo, ct),
                _ => throw new NotSupportedException(request.GetType().Name),
            });

        var table = new CommandTable(
            [new SetCommandBinder(), new GetCommandBinder(), new PingCommandBinder(), new EchoCommandBinder()]);
        var user = new DefaultUser(TestSettings.None);
        _pause = new ClientPause(_time);
        _router = new CommandRouter(table, _sender.Object, user, _pause, new RunningScript(TestSettings.None, TimeProvider.System), _databases, new SlowLog(TestSettings.None), new ClientRegistry(user), TimeProvider.System, Mock.Of<IPersistence>(), new CommandPropagation(_databases), new ErrorStatistics(), new MemoryLimit(_databases, TestSettings.None, TestEvents.Off, new CommandPropagation(_databases), new ServerStatistics(), TimeProvider.System, startupBytes: 0), TestReplication.Create(_databases));
    }

    [Fact]
    public void PostponesAWriteDuringAWritePauseAfterTheArityCheckAndRunsReadsMeanwhile()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 1000, ClientPauseKind.Write);

        Assert.Equal(default, Execute("SET", "k", "v"));
        Assert.True(_session.IsPostponed);
        Assert.Equal("set", _session.LastCommand);

        _session.IsPostponed = false;
        Assert.Equal("ERR wrong number of arguments for 'set' command", Binding.ErrorText(Execute("SET", "k")));
        Assert.False(_session.IsPostponed);
        Assert.Equal(Reply.Nil, Execute("GET", "k"));
        Assert.False(_session.IsPostponed);

        _pause.Unpause();
        Assert.Equal(Reply.Ok, Execute("SET", "k", "v"));
        Assert.False(_session.IsPostponed);
    }

    [Fact]
    public void PostponesEveryCommandDuringAnAllPause()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 1000, ClientPauseKind.All);

        Assert.Equal(default, Execute("PING"));
        Assert.True(_session.IsPostponed);
        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public void RunsCommandThroughItsHandler()
    {
        Assert.Equal(Reply.Ok, Execute("SET", "k", "v"));
        Assert.Equal(Reply.Bulk("v"), Execute("GET", "k"));
    }

    [Theory]
    [InlineData("ping")]
    [InlineData("PING")]
    [InlineData("PiNg")]
    public void FindsCommandIgnoringCase(string name)
    {
        Assert.Equal(Reply.Pong, Execute(name));
    }

    [Theory]
    [InlineData(new[] { "foo", "a", "b" }, "ERR unknown command 'foo', with args beginning with: 'a' 'b' ")]
    [InlineData(new[] { "FOO" }, "ERR unknown command 'FOO', with args beginning with: ")]
    [InlineData(new[] { "fo\r\no", "a\nb" }, "ERR unknown command 'fo  o', with args beginning with: 'a b' ")]
    [InlineData(new[] { "getx", "k" }, "ERR unknown command 'getx', with args beginning with: 'k' ")]
    public void ReturnsUnknownCommandErrorAsRedisWordsIt(string[] words, string expected)
    {
        Assert.Equal(expected, Binding.ErrorText(Execute(words)));
        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public void TruncatesUnknownCommandNameTo128Bytes()
    {
        var name = new string('n', 200);

        var error = Binding.ErrorText(Execute(name));

        Assert.Equal($"ERR unknown command '{new string('n', 128)}', with args beginning with: ", error);
    }

    /// <summary>Redis appends <c>'arg' </c> while the list is under 128 bytes, each cut to what is left of the 128.</summary>
    [Theory]
    [InlineData(100, 100, 100, 25)]
    [InlineData(125, 1, 125, 0)]
    [InlineData(126, 1, 126, 0)]
    [InlineData(200, 1, 128, 0)]
    public void TruncatesUnknownCommandArgumentsTo128Bytes(int firstLength, int secondLength, int firstKept, int secondKept)
    {
        var error = Binding.ErrorText(Execute("foo", new string('a', firstLength), new string('b', secondLength), "c"));

        var expectedArgs = $"'{new string('a', firstKept)}' " + (secondKept > 0 ? $"'{new string('b', secondKept)}' " : "");
        Assert.Equal("ERR unknown command 'foo', with args beginning with: " + expectedArgs, error);
    }

    [Theory]
    [InlineData(new[] { "GET" }, "ERR wrong number of arguments for 'get' command")]
    [InlineData(new[] { "get", "a", "b" }, "ERR wrong number of arguments for 'get' command")]
    [InlineData(new[] { "SET", "k" }, "ERR wrong number of arguments for 'set' command")]
    [InlineData(new[] { "Echo" }, "ERR wrong number of arguments for 'echo' command")]
    [InlineData(new[] { "PING", "a", "b" }, "ERR wrong number of arguments for 'ping' command")]
    public void ReturnsArityErrorNamedByTheSpec(string[] words, string expected)
    {
        Assert.Equal(expected, Binding.ErrorText(Execute(words)));
        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public void ReturnsBinderErrorWithoutSending()
    {
        Assert.Equal("ERR syntax error", Binding.ErrorText(Execute("SET", "k", "v", "foo")));
        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public void ReturnsValidatorErrorAndStoresNothing()
    {
        Assert.Equal("ERR invalid expire time in 'set' command", Binding.ErrorText(Execute("SET", "k", "v", "EX", "0")));
        Assert.Equal(0, _databases[0].Count);
    }

    [Fact]
    public void ThrowsGivenRequestWithoutName()
    {
        Assert.Throws<ArgumentException>(() => _router.Execute(_session, CommandArgs.From(Array.Empty<string>())));
    }

    private Reply Execute(params string[] words) => _router.Execute(_session, CommandArgs.From(words));
}
