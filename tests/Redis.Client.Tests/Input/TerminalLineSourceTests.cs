using System.Text;
using Redis.Client.Input;
using Redis.Client.Tests.Support;
using Spectre.Console;

namespace Redis.Client.Tests.Input;

public sealed class TerminalLineSourceTests : IDisposable
{
    private readonly string _historyPath = Path.Combine(Path.GetTempPath(), $"redisclient-history-{Guid.NewGuid():N}");
    private readonly StringWriter _screen = new();
    private readonly IAnsiConsole _terminal;

    public TerminalLineSourceTests()
    {
        _terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(_screen),
        });
    }

    public void Dispose() => File.Delete(_historyPath);

    [Fact]
    public void ReturnsTheTypedLineAfterShowingThePrompt()
    {
        var source = Source(new ScriptedKeys().Line("set greeting \"hello world\""));

        var line = source.ReadLine("127.0.0.1:6379> ");

        Assert.Equal("set greeting \"hello world\"", Encoding.UTF8.GetString(line!));
        Assert.Contains("127.0.0.1:6379>", _screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecallsTheHistoryOfTheLastSessionWithTheUpArrow()
    {
        File.WriteAllLines(_historyPath, ["get old", "get newest"]);
        var source = Source(new ScriptedKeys().Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter));

        Assert.Equal("get newest", Encoding.UTF8.GetString(source.ReadLine("> ")!));
        Assert.Equal("get old", Encoding.UTF8.GetString(source.ReadLine("> ")!));
    }

    [Fact]
    public void SavesEachLineToTheHistoryFile()
    {
        var source = Source(new ScriptedKeys().Line("set a 1").Line("get a"));

        source.ReadLine("> ");
        source.ReadLine("> ");

        Assert.Equal(["set a 1", "get a"], File.ReadAllLines(_historyPath));
    }

    [Fact]
    public void EndsOnCtrlDAtAnEmptyLine()
    {
        Assert.Null(Source(new ScriptedKeys().Press(ConsoleKey.D, control: true)).ReadLine("> "));
    }

    [Fact]
    public void DeletesWithCtrlDInsideALine()
    {
        var keys = new ScriptedKeys().Type("getx").Press(ConsoleKey.LeftArrow).Press(ConsoleKey.D, control: true).Press(ConsoleKey.Enter);

        Assert.Equal("get", Encoding.UTF8.GetString(Source(keys).ReadLine("> ")!));
    }

    [Fact]
    public void EndsOnCtrlCEvenWithTextTyped()
    {
        Assert.Null(Source(new ScriptedKeys().Type("get a").Press(ConsoleKey.C, control: true)).ReadLine("> "));
    }

    [Fact]
    public void ErasesTheLineOnCtrlU()
    {
        var keys = new ScriptedKeys().Type("wrong").Press(ConsoleKey.U, control: true).Line("ping");

        Assert.Equal("ping", Encoding.UTF8.GetString(Source(keys).ReadLine("> ")!));
    }

    private TerminalLineSource Source(ScriptedKeys keys) => new(_terminal, keys, new HistoryFile(_historyPath));
}
