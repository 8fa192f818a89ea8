using System.Globalization;
using Redis.Application.Abstractions;
using Redis.Application.Common;

namespace Redis.Infrastructure.Transport;

/// <summary>Reads the listen backlog's length from Linux's <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.</summary>
/// <remarks>
/// For a socket in the LISTEN state (<c>st</c> = <c>0A</c>) the kernel reports the number of completed connections
/// waiting to be accepted in the <c>rx_queue</c> column, the same figure <c>ss -lt</c> shows as Recv-Q. Elsewhere
/// the files do not exist and the number is unknown.
/// </remarks>
public sealed class ProcNetTcpBacklog(ServerStatistics statistics) : IListenBacklog
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    public int? WaitingClients()
    {
        if (statistics.ListenPort is not { } port || !File.Exists(Tables[0]))
        {
            return null;
        }

        var waiting = 0;
        foreach (var table in Tables.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                waiting += WaitingOn(line, port);
            }
        }

        return waiting;
    }

    /// <summary>The accept queue's length if <paramref name="line"/> is a listening socket on <paramref name="port"/>, else 0.</summary>
    internal static int WaitingOn(string line, int port)
    {
        // "  0: 0100007F:18EB 00000000:0000 0A 00000000:00000001 ..." — local address:port, remote, state, tx:rx queue.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[3] != "0A")
        {
            return 0;
        }

        var local = fields[1];
        var queues = fields[4];
        var colon = local.LastIndexOf(':');
        var queueColon = queues.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || queueColon < 0 ||
            !int.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var localPort) ||
            localPort != port ||
            !int.TryParse(queues.AsSpan(queueColon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var waiting))
        {
            return 0;
        }

        return waiting;
    }
}
