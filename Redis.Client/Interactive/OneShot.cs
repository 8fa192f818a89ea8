using System.Text;
using Redis.Client.Connection;
using Redis.Client.Help;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary><c>Redis.Client SET k v</c>: one command from the command line, its reply printed, then exit.</summary>
/// <remarks>
/// The words are sent as given: the shell has already split and unquoted them, so no splitting happens here (as in
/// redis-cli). <c>-x</c> appends all of standard input, unchanged, as the last argument (<c>readArgFromStdin</c>), and
/// <c>-r</c> runs the command that many times. Exit code 1 when the server cannot be reached or the connection
/// breaks; an error reply still exits 0, as redis-cli 7.0 does.
/// </remarks>
internal static class OneShot
{
    public static int Run(ClientSession session, IReadOnlyList<string> command, CommandRunner runner, ClientConsole console, long repeat = 1, bool stdinLastArg = false)
    {
        if (command[0].Equals("help", StringComparison.OrdinalIgnoreCase) || command[0] == "?")
        {
            console.Write(Encoding.UTF8.GetBytes(CommandHelp.Default.For(command.Skip(1).ToList())));
            return 0;
        }

        IEnumerable<byte[]> words = command.Select(Encoding.UTF8.GetBytes);
        if (stdinLastArg)
        {
            using var input = new MemoryStream();
            try
            {
                console.Input.CopyTo(input);
            }
            catch (IOException e)
            {
                // readArgFromStdin's perror.
                console.Error.WriteLine("Reading from standard input: " + e.Message);
                return 1;
            }

            words = words.Append(input.ToArray());
        }

        if (!session.TryConnect())
        {
            return 1;
        }

        return runner.Run(CommandArgs.From([.. words]), repeat) ? 0 : 1;
    }
}
