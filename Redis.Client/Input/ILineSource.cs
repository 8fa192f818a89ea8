namespace Redis.Client.Input;

/// <summary>Where the REPL's lines come from: a person at a terminal, or a pipe.</summary>
internal interface ILineSource
{
    /// <summary>Reads the next line, without its line ending, showing <paramref name="prompt"/> where a person reads it.</summary>
    /// <returns>The line's bytes, or null at the end of input (end of file, Ctrl+D, Ctrl+C).</returns>
    byte[]? ReadLine(string prompt);
}
