using System.Globalization;
using System.Text;
using Redis.Application.Cluster;

namespace Redis.Infrastructure.Cluster;

/// <summary>
/// The bus's wire format (ADR 0036): lines of text, a header, one <c>node</c> line per node (the sender's first), and
/// <c>end</c>. Only this server's nodes speak it; it is not Redis's binary <c>clusterMsg</c>.
/// </summary>
/// <example>
/// <code>
/// RCBUS 1 ping 3
/// node 07c3...e1 127.0.0.1 7000 17000 1 0-5460
/// node 67ed...2a 127.0.0.1 7001 17001 2 5461-10922
/// end
/// </code>
/// </example>
internal static class ClusterBusCodec
{
    /// <summary>The longest message read: far more than any cluster of this size needs, so a stray client cannot make the bus buffer without end.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private const string Magic = "RCBUS";
    private const string Version = "1";

    public static string Encode(ClusterMessage message)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Magic} {Version} {message.Type.ToString().ToLowerInvariant()} {message.CurrentEpoch}\n");
        foreach (var node in (IEnumerable<GossipEntry>)[message.Sender, .. message.Others])
        {
            var slots = node.Slots.Count == 0 ? "-" : string.Join(',', node.Slots);
            var ip = node.Ip.Length == 0 ? "-" : node.Ip;
            text.Append(CultureInfo.InvariantCulture, $"node {node.Id} {ip} {node.Port} {node.BusPort} {node.ConfigEpoch} {slots}\n");
        }

        return text.Append("end\n").ToString();
    }

    /// <summary>Parses a whole message (through its <c>end</c> line); null for anything malformed.</summary>
    public static ClusterMessage? Decode(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 3 || lines[^1] != "end" || lines[0].Split(' ') is not [Magic, Version, var type, var epochText]
            || !Enum.TryParse<ClusterMessageType>(type, ignoreCase: true, out var messageType)
            || !long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var nodes = new List<GossipEntry>();
        foreach (var line in lines[1..^1])
        {
            if (TryDecodeNode(line) is not { } node)
            {
                return null;
            }

            nodes.Add(node);
        }

        return new ClusterMessage(messageType, epoch, nodes[0], nodes[1..]);
    }

    private static GossipEntry? TryDecodeNode(string line)
    {
        if (line.Split(' ') is not ["node", var id, var ip, var portText, var busText, var epochText, var slotsText]
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !int.TryParse(busText, NumberStyles.None, CultureInfo.InvariantCulture, out var busPort)
            || !long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var slots = new List<SlotRange>();
        if (slotsText != "-")
        {
            foreach (var part in slotsText.Split(','))
            {
                if (!SlotRange.TryParse(part, out var range))
                {
                    return null;
                }

                slots.Add(range);
            }
        }

        return new GossipEntry(id, ip == "-" ? string.Empty : ip, port, busPort, epoch, slots);
    }
}
