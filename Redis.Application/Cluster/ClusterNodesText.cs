using System.Globalization;
using System.Text;

namespace Redis.Application.Cluster;

/// <summary>
/// Redis's <c>clusterGenNodeDescription</c> and <c>clusterLoadConfig</c>: the lines of <c>CLUSTER NODES</c>, which are
/// also the lines of <c>nodes.conf</c>, and their parsing back.
/// </summary>
public static class ClusterNodesText
{
    /// <summary>Every node's line, each ended by <c>\n</c>, as <c>CLUSTER NODES</c> answers.</summary>
    public static string Format(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        foreach (var node in view.Nodes)
        {
            text.Append(Line(node)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What <c>nodes.conf</c> holds: the lines of <see cref="Format"/> and the <c>vars</c> line with the epochs.</summary>
    /// <remarks>Ping and pong times are written as 0: they mean nothing to a restarted node, and the file then changes only when the configuration does.</remarks>
    public static string FormatConfig(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        foreach (var node in view.Nodes)
        {
            text.Append(Line(node with { PingSent = 0, PongReceived = 0, Health = NodeHealth.Online })).Append('\n');
        }

        return text.Append(CultureInfo.InvariantCulture, $"vars currentEpoch {view.CurrentEpoch} lastVoteEpoch 0\n").ToString();
    }

    /// <summary>One node's line: <c>id ip:port@cport flags master ping-sent pong-recv config-epoch link-state slot...</c>.</summary>
    public static string Line(ClusterNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var flags = (node.IsMyself ? "myself," : string.Empty) + "master" + node.Health switch
        {
            NodeHealth.PossiblyFailing => ",fail?",
            NodeHealth.Failing => ",fail",
            _ => string.Empty,
        };
        var link = node.IsMyself || node.Health == NodeHealth.Online ? "connected" : "disconnected";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{node.Id} {node.Ip}:{node.Port}@{node.BusPort} {flags} - {node.PingSent} {node.PongReceived} {node.ConfigEpoch} {link}");
        return node.Slots.Count == 0 ? line : line + " " + string.Join(' ', node.Slots);
    }

    /// <summary>Reads a node's line; false for anything else.</summary>
    public static bool TryParseLine(string line, out GossipEntry entry, out bool myself)
    {
        ArgumentNullException.ThrowIfNull(line);
        entry = null!;
        myself = false;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8 || fields[0].Length != 40 || !TryParseAddress(fields[1], out var ip, out var port, out var busPort)
            || !long.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return false;
        }

        var slots = new List<SlotRange>();
        foreach (var field in fields.Skip(8))
        {
            // Open slots ([slot->-node], [slot-<-node]) are not kept: this server does not migrate slots.
            if (SlotRange.TryParse(field, out var range))
            {
                slots.Add(range);
            }
        }

        myself = fields[2].Split(',').Contains("myself");
        entry = new GossipEntry(fields[0], ip, port, busPort, epoch, slots);
        return true;
    }

    /// <summary>Reads the <c>vars currentEpoch N ...</c> line.</summary>
    public static bool TryParseVars(string line, out long currentEpoch)
    {
        ArgumentNullException.ThrowIfNull(line);
        currentEpoch = 0;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(fields, "currentEpoch");
        return fields is ["vars", ..] && at > 0 && at + 1 < fields.Length
            && long.TryParse(fields[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out currentEpoch);
    }

    /// <summary>Reads <c>ip:port@cport</c> (with an optional <c>,hostname</c>); the ip may be empty.</summary>
    private static bool TryParseAddress(string text, out string ip, out int port, out int busPort)
    {
        (ip, port, busPort) = (string.Empty, 0, 0);
        var address = text.Split(',')[0];
        var at = address.LastIndexOf('@');
        var colon = address.LastIndexOf(':', at < 0 ? address.Length - 1 : at);
        if (at < 0 || colon < 0)
        {
            return false;
        }

        ip = address[..colon];
        return int.TryParse(address.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && int.TryParse(address.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out busPort);
    }
}
