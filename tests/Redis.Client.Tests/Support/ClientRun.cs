using Redis.Client.CommandLine;
using Spectre.Console;

namespace Redis.Client.Tests.Support;

/// <summary>Runs the client as <c>Program</c> does, from its command line, against a memory console.</summary>
internal static class ClientRun
{
    /// <returns>The exit code.</returns>
    public static int Run(MemoryConsole console, params string[] args) => Run(console, sleep: null, args);

    /// <param name="sleep">Receives each wait of <c>-i</c> instead of waiting; null to wait.</param>
    /// <returns>The exit code.</returns>
    public static int Run(MemoryConsole console, Action<TimeSpan>? sleep, params string[] args)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        var app = new ClientApp(console.Console, terminal, () => null, sleep);
        using var helpOutput = new StringWriter();
        return ClientCommandLine.Invoke(ClientCommandLine.Build(app.Run), args, helpOutput, console.Console.Error);
    }

    /// <summary>A loopback port with nothing listening on it.</summary>
    public static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
