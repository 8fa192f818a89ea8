using System.Globalization;
using System.Text;
using Redis.Client.Connection;
using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary><c>--scan</c>: walks the whole keyspace with <c>SCAN</c> and prints each key on a line of its own, as redis-cli's <c>scanMode</c>.</summary>
/// <remarks>
/// <para>
/// Sends <c>SCAN cursor [MATCH pattern] [COUNT count]</c> until the cursor comes back as 0. A key is printed quoted on
/// a terminal (<c>sdscatrepr</c>) and as its bytes otherwise. <c>-i</c> waits after each batch.
/// </para>
/// <para>
/// redis-cli 7.0 has no <c>--count</c>; 7.2 added it but sends <c>COUNT</c> only with <c>--pattern</c>. Here
/// <c>COUNT</c> is sent whenever <c>--count</c> is given. Exit code 1, with redis-cli's messages, when the connection
/// cannot be set up (a refused <c>AUTH</c> or <c>SELECT</c> included) or the server answers something other than a
/// <c>SCAN</c> reply.
/// </para>
/// </remarks>
internal static class ScanMode
{
    public static int Run(ClientSession session, string? pattern, int? count, ReplyFormat format, ClientConsole console, Action pause)
    {
        if (!session.TryConnect() || session.SetUpFailed)
        {
            return 1;
        }

        var cursor = 0UL;
        do
        {
            if (session.Execute(Scan(cursor, pattern, count)) is not { } reply)
            {
                return 1;
            }

            if (Problem(reply) is { } problem)
            {
                console.Error.WriteLine(problem);
                return 1;
            }

            // strtoull: a cursor that is not a number ends the walk, as 0 does.
            cursor = ulong.TryParse(reply.Items[0].Bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var next) ? next : 0;
            foreach (var key in reply.Items[1].Items)
            {
                console.Write(format == ReplyFormat.Tty ? Encoding.UTF8.GetBytes(Repr.Quote(key.Bytes) + "\n") : [.. key.Bytes, (byte)'\n']);
            }

            pause();
        }
        while (cursor != 0);

        return 0;
    }

    private static CommandArgs Scan(ulong cursor, string? pattern, int? count)
    {
        List<string> words = ["SCAN", cursor.ToString(CultureInfo.InvariantCulture)];
        if (pattern is not null)
        {
            words.AddRange(["MATCH", pattern]);
        }

        if (count is { } n)
        {
            words.AddRange(["COUNT", n.ToString(CultureInfo.InvariantCulture)]);
        }

        return CommandArgs.From([.. words]);
    }

    // sendScan's checks and messages.
    private static string? Problem(in Reply reply) => reply.Kind switch
    {
        ReplyKind.Error => "SCAN error: " + Encoding.UTF8.GetString(reply.Bytes),
        not ReplyKind.Array => "Non ARRAY response from SCAN!",
        _ when reply.Items.Count != 2 || reply.Items[1].Kind != ReplyKind.Array => "Invalid element count from SCAN!",
        _ => null,
    };
}
