using System.Text;

namespace Redis.Client;

/// <summary>The standard streams the client reads and writes, and whether each is a terminal.</summary>
/// <remarks>
/// Output is a byte stream, not a <see cref="TextWriter"/>: a value is printed as the bytes it is (raw mode), as
/// redis-cli prints it, and never passes through a text encoding that would mangle binary data. Tests pass memory
/// streams and say which side is a terminal.
/// </remarks>
internal sealed record ClientConsole(Stream Input, Stream Output, TextWriter Error, bool IsInputTerminal, bool IsOutputTerminal)
{
    public static ClientConsole System() => new(
        Console.OpenStandardInput(),
        Console.OpenStandardOutput(),
        Console.Error,
        !Console.IsInputRedirected,
        !Console.IsOutputRedirected);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Output.Write(bytes);
        Output.Flush();
    }

    public void WriteLine(string text) => Write(Encoding.UTF8.GetBytes(text + "\n"));
}
