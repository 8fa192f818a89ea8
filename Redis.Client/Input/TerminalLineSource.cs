using System.Text;
using RadLine;
using Spectre.Console;

namespace Redis.Client.Input;

/// <summary>Lines typed at a terminal, with line editing and history from RadLine.</summary>
/// <remarks>
/// Keys: arrows move and recall history (RadLine binds history to Ctrl+arrows by default; the Up and Down arrows are
/// rebound as redis-cli users expect), Home/End and Ctrl+A/Ctrl+E, Ctrl+U erases the line, Ctrl+D on an empty line and
/// Ctrl+C end the REPL.
/// Ctrl+C is read as a key only while a line is being edited; while a command runs it is the usual signal, which the
/// REPL turns into closing the connection.
/// </remarks>
internal sealed class TerminalLineSource : ILineSource
{
    private readonly LineEditor _editor;
    private readonly ReplPrompt _prompt = new();
    private readonly HistoryFile? _history;
    private readonly bool _ownsConsole;

    /// <param name="console">The terminal; tests pass a recording console.</param>
    /// <param name="keys">Where keys come from; null for the real keyboard.</param>
    /// <param name="history">The history file, or null to keep history in memory only.</param>
    public TerminalLineSource(IAnsiConsole console, IInputSource? keys, HistoryFile? history)
    {
        _editor = new LineEditor(console, keys) { Prompt = _prompt };
        _editor.KeyBindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow);
        _editor.KeyBindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow);
        _editor.KeyBindings.Add<MoveHomeCommand>(ConsoleKey.A, ConsoleModifiers.Control);
        _editor.KeyBindings.Add<MoveEndCommand>(ConsoleKey.E, ConsoleModifiers.Control);
        _editor.KeyBindings.Add<ClearLineCommand>(ConsoleKey.U, ConsoleModifiers.Control);
        _editor.KeyBindings.Add(ConsoleKey.C, ConsoleModifiers.Control, () => new ExitCommand(onlyWhenEmpty: false));
        _editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new ExitCommand(onlyWhenEmpty: true));
        _ownsConsole = keys is null;
        _history = history;
        foreach (var line in history?.Load() ?? [])
        {
            _editor.History.Add(line);
        }
    }

    /// <summary>True when the terminal can host the line editor (ANSI and interactive); otherwise fall back to plain lines.</summary>
    public static bool IsSupported(IAnsiConsole console) => LineEditor.IsSupported(console);

    public byte[]? ReadLine(string prompt)
    {
        _prompt.Set(prompt);
        string? line;
        var treatedAsInput = _ownsConsole && Console.TreatControlCAsInput;
        if (_ownsConsole)
        {
            Console.TreatControlCAsInput = true;
        }

        try
        {
            line = _editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            if (_ownsConsole)
            {
                Console.TreatControlCAsInput = treatedAsInput;
            }
        }

        if (line is null)
        {
            return null;
        }

        _history?.Append(line);
        return Encoding.UTF8.GetBytes(line);
    }
}
