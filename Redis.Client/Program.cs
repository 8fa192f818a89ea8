using Redis.Client;
using Redis.Client.CommandLine;
using Redis.Client.Input;
using Spectre.Console;

var console = ClientConsole.System();
var app = new ClientApp(console, AnsiConsole.Console, () => new HistoryFile(HistoryFile.DefaultPath()));
Console.CancelKeyPress += (_, e) => e.Cancel = app.Interrupt();
try
{
    return ClientCommandLine.Invoke(ClientCommandLine.Build(app.Run), args, Console.Out, Console.Error);
}
catch (IOException e)
{
    // Standard input or output failed under a mode that does not report it itself: one line, not a stack trace.
    Console.Error.WriteLine("Error: " + e.Message);
    return 1;
}
