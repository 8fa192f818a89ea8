using System.Text;
using Redis.Client.Connection;
using Redis.Client.Help;
using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary><c>Redis.Client SET k v</c>: one command from the command line, its reply printed, then exit.</summary>
/// <remarks>
/// The words are sent as given: the shell has already split and unquoted them, so no splitting happens here (as in
/// redis-cli). Exit code 1 when the server cannot be reached or the connection breaks; an error reply still exits 0,
/// as redis-cli 7.0 does.
/// </remarks>
internal static class OneShot
{
    public static int Run(ClientSession session, IReadOnlyList<string> command, ReplyFormat format, ClientConsole console)
    {
        if (command[0].Equals("help", StringComparison.OrdinalIgnoreCase) || command[0] == "?")
        {
            console.Write(Encoding.UTF8.GetBytes(CommandHelp.Default.For(command.Skip(1).ToList())));
            return 0;
        }

        if (!session.TryConnect())
        {
            return 1;
        }

        var words = CommandArgs.From([.. command]);
        var reply = session.Execute(words);
        if (reply is not { } answer)
        {
            return 1;
        }

        console.Write(ReplyRenderer.Render(words, answer, format));
        return 0;
    }
}
