using Redis.Client;
using Redis.Client.CommandLine;
using Redis.Client.Input;
using Spectre.Console;

var console = ClientConsole.System();
var app = new ClientApp(console, AnsiConsole.Console, () => new HistoryFile(HistoryFile.DefaultPath()));
Console.CancelKeyPress += (_, e) => e.Cancel = app.Interrupt();
return ClientCommandLine.Invoke(ClientCommandLine.Build(app.Run), args, Console.Out, Console.Error);
