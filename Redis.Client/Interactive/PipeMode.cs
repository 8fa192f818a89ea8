using System.Security.Cryptography;
using System.Text;
using Redis.Client.Connection;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary><c>--pipe</c>: mass insertion. Standard input goes to the server as it is, and the replies are counted, as redis-cli's <c>pipeMode</c>.</summary>
/// <remarks>
/// <para>
/// Input is sent raw, RESP or inline alike, on one thread while this one reads the replies, so neither side waits for
/// the other however much is sent (a server blocked writing replies nobody reads would stop reading input). At the end
/// of input redis-cli's marker follows: <c>ECHO</c> of 20 random bytes, after a CRLF the server ignores, so that it
/// still parses after a truncated last command. Its reply is the last one, and is not counted.
/// </para>
/// <para>
/// Each error reply is printed on standard error. The summary and exit code are redis-cli's: "errors: N, replies: M",
/// and 1 when there was an error. A connection that breaks, or input that cannot be read, ends the mode with one line
/// and exit code 1; redis-cli's <c>--pipe-timeout</c> (30 seconds without a reply) is not implemented.
/// </para>
/// </remarks>
internal static class PipeMode
{
    /// <summary>redis-cli reads standard input 16 KiB at a time (its <c>obuf</c>).</summary>
    private const int ChunkSize = 16 * 1024;

    private const int MarkerLength = 20;

    public static int Run(ClientSession session, ClientConsole console)
    {
        if (!session.TryConnect() || session.SetUpFailed)
        {
            return 1;
        }

        var connection = session.Connection!;
        var marker = RandomNumberGenerator.GetBytes(MarkerLength);
        string? sendFailure = null;
        var sender = new Thread(() => sendFailure = TrySendInput(connection, console, marker)) { IsBackground = true, Name = "pipe input" };
        sender.Start();

        long errors = 0, replies = 0;
        try
        {
            while (true)
            {
                var reply = connection.Receive();
                if (reply.Kind == ReplyKind.BulkString && reply.Bytes.SequenceEqual(marker))
                {
                    break;
                }

                if (reply.IsError)
                {
                    console.Error.WriteLine(Encoding.UTF8.GetString(reply.Bytes));
                    errors++;
                }

                replies++;
            }
        }
        catch (RedisConnectionException e)
        {
            // A failed send breaks the connection, and so this Receive, just before it records why; a sender still
            // waiting for input is not waited for.
            sender.Join(TimeSpan.FromSeconds(1));
            console.Error.WriteLine(sendFailure ?? "Error reading replies from server: " + e.Message);
            return 1;
        }

        sender.Join();
        console.WriteLine("Last reply received from server.");
        console.WriteLine($"errors: {errors}, replies: {replies}");
        return errors > 0 ? 1 : 0;
    }

    /// <returns>Null once everything and the marker are sent; otherwise what went wrong, after closing the connection.</returns>
    private static string? TrySendInput(RedisConnection connection, ClientConsole console, byte[] marker)
    {
        try
        {
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = console.Input.Read(chunk, 0, chunk.Length)) > 0)
            {
                connection.Send(chunk.AsSpan(0, read));
            }

            console.WriteLine("All data transferred. Waiting for the last reply...");
            connection.Send([.. "\r\n*2\r\n$4\r\nECHO\r\n$20\r\n"u8, .. marker, .. "\r\n"u8]);
            return null;
        }
        catch (RedisConnectionException e)
        {
            return "Error writing to the server: " + e.Message;
        }
        catch (IOException e)
        {
            // The reader is waiting for replies that will never come: closing the connection releases it.
            connection.Dispose();
            return "Error reading from stdin: " + e.Message;
        }
    }
}
