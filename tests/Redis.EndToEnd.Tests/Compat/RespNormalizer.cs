using System.Text;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>Rewrites a raw RESP2 reply so that arrays of bulk strings are in byte order, for replies whose order Redis leaves unspecified.</summary>
public static class RespNormalizer
{
    public static byte[] SortArrays(byte[] reply)
    {
        var position = 0;
        var output = new MemoryStream();
        Copy(reply, ref position, output);
        return output.ToArray();
    }

    private static void Copy(byte[] reply, ref int position, MemoryStream output)
    {
        var start = position;
        var lineEnd = Array.IndexOf(reply, (byte)'\n', position);
        var header = Encoding.ASCII.GetString(reply, position + 1, lineEnd - position - 2);
        position = lineEnd + 1;
        switch ((char)reply[start])
        {
            case '$' when header != "-1":
                position += int.Parse(header, System.Globalization.CultureInfo.InvariantCulture) + 2;
                output.Write(reply, start, position - start);
                return;
            case '*' when header != "-1":
                var items = new List<byte[]>();
                for (var i = int.Parse(header, System.Globalization.CultureInfo.InvariantCulture); i > 0; i--)
                {
                    var item = new MemoryStream();
                    Copy(reply, ref position, item);
                    items.Add(item.ToArray());
                }

                output.Write(reply, start, lineEnd + 1 - start);
                var sortable = items.All(item => item[0] == (byte)'$');
                foreach (var item in sortable ? [.. items.Order(ByteOrder.Instance)] : items)
                {
                    output.Write(item);
                }

                return;
            default:
                output.Write(reply, start, position - start);
                return;
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
