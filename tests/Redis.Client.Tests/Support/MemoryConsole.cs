using System.Text;

namespace Redis.Client.Tests.Support;

/// <summary>A <see cref="ClientConsole"/> over memory: input from a string, output and errors captured.</summary>
internal sealed class MemoryConsole : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly StringWriter _error = new();

    public MemoryConsole(string input = "", bool terminal = false)
        : this(Encoding.UTF8.GetBytes(input), terminal)
    {
    }

    public MemoryConsole(byte[] input, bool terminal)
    {
        Console = new ClientConsole(new MemoryStream(input), _output, _error, terminal, terminal);
    }

    public ClientConsole Console { get; }

    public byte[] OutputBytes => _output.ToArray();

    public string Output => Encoding.UTF8.GetString(_output.ToArray());

    public string Error => _error.ToString();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }
}
