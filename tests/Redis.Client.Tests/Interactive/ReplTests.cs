using Redis.Client.Connection;
using Redis.Client.Input;
using Redis.Client.Interactive;
using Redis.Client.Rendering;
using Redis.Client.Tests.Support;
using Spectre.Console;
using Redis.Protocol;

namespace Redis.Client.Tests.Interactive;

/// <summary>The REPL as a person uses it: keys typed into the line editor, replies rendered for a terminal.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReplTests(ServerFixture server) : IDisposable
{
    private readonly string _history = Path.Combine(Path.GetTempPath(), $"redisclient-history-{Guid.NewGuid():N}");
    private readonly StringWriter _screen = new();

    public void Dispose()
    {
        File.Delete(_history);
        _screen.Dispose();
    }

    [Fact]
    public void RendersTheRepliesOfTypedCommands()
    {
        var keys = new ScriptedKeys()
            .Line("set repl:greeting \"hello world\"")
            .Line("get repl:greeting")
            .Line("ttl repl:greeting")
            .Line("del repl:greeting")
            .Line("get repl:greeting")
            .Line("foo bar");

        var (output, error) = RunRepl(server.Port, keys);

        Assert.Equal(
            "OK\n\"hello world\"\n(integer) -1\n(integer) 1\n(nil)\n(error) ERR unknown command 'foo', with args beginning with: 'bar' \n",
            output);
        Assert.Equal("", error);
        Assert.Contains($"127.0.0.1:{server.Port}>", _screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecallsACommandWithTheUpArrowAndRunsItAgain()
    {
        var keys = new ScriptedKeys().Line("echo again").Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter);

        var (output, _) = RunRepl(server.Port, keys);

        Assert.Equal("\"again\"\n\"again\"\n", output);
        Assert.Equal(["echo again"], File.ReadAllLines(_history));
    }

    [Fact]
    public void EndsOnExitWithoutReadingFurther()
    {
        var keys = new ScriptedKeys().Line("echo one").Line("exit").Line("echo two");

        var (output, _) = RunRepl(server.Port, keys);

        Assert.Equal("\"one\"\n", output);
    }

    [Fact]
    public void ShowsNotConnectedAndRecoversWhenTheServerReturns()
    {
        var closeNext = true;
        using var stub = new StubServer(args =>
        {
            if (args[0].SequenceEqual("GET"u8) && closeNext)
            {
                // The server goes away in the middle of a command, as during a restart.
                closeNext = false;
                return null;
            }

            return Reply.Bulk("back");
        });
        var keys = new ScriptedKeys().Line("GET a").Line("GET a");

        var (output, error) = RunRepl(stub.Port, keys);

        Assert.Equal(("\"back\"\n", "Error: Server closed the connection\n"), (output, error));
        Assert.Contains("not connected>", _screen.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, stub.Connections);
    }

    private (string Output, string Error) RunRepl(int port, ScriptedKeys keys)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(_screen),
        });
        using var console = new MemoryConsole(terminal: true);
        using var session = new ClientSession("127.0.0.1", port, console.Console.Error);
        var lines = new TerminalLineSource(terminal, keys, new HistoryFile(_history));

        Assert.Equal(0, new Repl(session, lines, new CommandRunner(session, ReplyFormat.Tty, console.Console), console.Console).Run());
        return (console.Output, console.Error);
    }
}
