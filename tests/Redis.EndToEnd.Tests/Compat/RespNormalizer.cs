using System.Globalization;
using System.Text;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>Rewrites a raw RESP2 or RESP3 reply for comparison, where the script asks for it.</summary>
public static class RespNormalizer
{
    /// <summary>Puts arrays and sets of bulk strings in byte order, for replies whose order Redis leaves unspecified.</summary>
    public static byte[] SortArrays(byte[] reply) => Rewrite(reply, (node, _) => node.SortItems());

    /// <summary>
    /// Replaces the value that follows the bulk string <paramref name="field"/> inside a map (or the flat array RESP2
    /// sends for one) with <c>?</c>: a value that depends on the connection, such as <c>HELLO</c>'s <c>id</c>.
    /// </summary>
    public static byte[] MaskField(byte[] reply, string field)
    {
        var name = Encoding.UTF8.GetBytes($"${Encoding.UTF8.GetByteCount(field)}\r\n{field}\r\n");
        return Rewrite(reply, (node, _) => node.MaskAfter(name));
    }

    private static byte[] Rewrite(byte[] reply, Action<Node, int> change)
    {
        var position = 0;
        var root = Node.Parse(reply, ref position);
        root.Visit(change, 0);
        var output = new MemoryStream();
        root.WriteTo(output);
        return output.ToArray();
    }

    private sealed class Node
    {
        private byte[] _bytes = [];

        private List<Node> Items { get; } = [];

        private bool IsAggregate { get; init; }

        public static Node Parse(byte[] reply, ref int position)
        {
            var start = position;
            var lineEnd = Array.IndexOf(reply, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(reply, position + 1, lineEnd - position - 2);
            position = lineEnd + 1;
            switch ((char)reply[start])
            {
                case '$' or '=' or '!' when header != "-1":
                    position += int.Parse(header, CultureInfo.InvariantCulture) + 2;
                    return new Node { _bytes = reply[start..position] };
                case '*' or '~' or '>' or '%' or '|' when header != "-1":
                    var node = new Node { _bytes = reply[start..position], IsAggregate = true };
                    var count = int.Parse(header, CultureInfo.InvariantCulture) * (reply[start] is (byte)'%' or (byte)'|' ? 2 : 1);
                    for (var i = count; i > 0; i--)
                    {
                        node.Items.Add(Parse(reply, ref position));
                    }

                    return node;
                default:
                    return new Node { _bytes = reply[start..position] };
            }
        }

        public void Visit(Action<Node, int> change, int depth)
        {
            foreach (var item in Items)
            {
                item.Visit(change, depth + 1);
            }

            change(this, depth);
        }

        /// <summary>
        /// Sorts an array or set of bulk strings, or of aggregates (by their bytes: <c>COMMAND INFO</c>'s subcommands,
        /// which Redis lists in its dictionary's order), and a RESP3 map's pairs by key (<c>COMMAND DOCS</c>).
        /// </summary>
        public void SortItems()
        {
            if (!IsAggregate)
            {
                return;
            }

            if (_bytes[0] is (byte)'*' or (byte)'~'
                && (Items.All(item => item._bytes[0] == (byte)'$') || Items.All(item => item.IsAggregate)))
            {
                Items.Sort((x, y) => x.Bytes().AsSpan().SequenceCompareTo(y.Bytes()));
            }
            else if (_bytes[0] == (byte)'%')
            {
                var pairs = Items.Chunk(2).OrderBy(pair => pair[0].Bytes(), ByteOrder.Instance).ToList();
                Items.Clear();
                Items.AddRange(pairs.SelectMany(pair => pair));
            }
        }

        private byte[] Bytes()
        {
            var output = new MemoryStream();
            WriteTo(output);
            return output.ToArray();
        }

        public void MaskAfter(byte[] name)
        {
            for (var i = 0; i + 1 < Items.Count; i += 2)
            {
                if (Items[i]._bytes.AsSpan().SequenceEqual(name))
                {
                    Items[i + 1] = new Node { _bytes = "?\r\n"u8.ToArray() };
                }
            }
        }

        public void WriteTo(Stream output)
        {
            output.Write(_bytes);
            foreach (var item in Items)
            {
                item.WriteTo(output);
            }
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
