using RadLine;

namespace Redis.Client.Tests.Support;

/// <summary>Keys typed by a test instead of a person; once the script runs out, Ctrl+C ends the line editor.</summary>
/// <remarks>
/// RadLine polls <see cref="IsKeyAvailable"/> until it says yes, then drains every key available. So an exhausted
/// script offers Ctrl+C (never a wait that would hang the test) and then says "no key" once, which ends the drain.
/// </remarks>
internal sealed class ScriptedKeys : IInputSource
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();
    private bool _endJustRead;

    public bool ByPassProcessing => true;

    public ScriptedKeys Type(string text)
    {
        foreach (var c in text)
        {
            _keys.Enqueue(new ConsoleKeyInfo(c, char.IsAsciiLetterUpper(c) ? ConsoleKey.A + (c - 'A') : char.IsAsciiLetterLower(c) ? ConsoleKey.A + (c - 'a') : 0, false, false, false));
        }

        return this;
    }

    public ScriptedKeys Press(ConsoleKey key, bool control = false)
    {
        var keyChar = key switch
        {
            ConsoleKey.Enter => '\r',
            ConsoleKey.C when control => '\x03',
            ConsoleKey.D when control => '\x04',
            ConsoleKey.U when control => '\x15',
            _ => '\0',
        };
        _keys.Enqueue(new ConsoleKeyInfo(keyChar, key, false, false, control));
        return this;
    }

    public ScriptedKeys Line(string text) => Type(text).Press(ConsoleKey.Enter);

    public bool IsKeyAvailable()
    {
        if (_keys.Count > 0)
        {
            return true;
        }

        var available = !_endJustRead;
        _endJustRead = false;
        return available;
    }

    public ConsoleKeyInfo ReadKey()
    {
        if (_keys.Count > 0)
        {
            return _keys.Dequeue();
        }

        _endJustRead = true;
        return new ConsoleKeyInfo('\x03', ConsoleKey.C, false, false, true);
    }
}
