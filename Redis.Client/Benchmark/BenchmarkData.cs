using System.Globalization;
using System.Text;
using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Benchmark;

/// <summary>The keys and values the benchmarks send, and the check that what came back is what was sent.</summary>
internal static class BenchmarkData
{
    private const string KeyFill = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>
    /// A key of exactly <paramref name="size"/> bytes: <c>bench:&lt;sequence&gt;:</c>, so keys never collide with each
    /// other, then random letters and digits, so they stay readable in a log.
    /// </summary>
    public static byte[] Key(int size, int sequence, Random random)
    {
        var tag = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"bench:{sequence}:"));
        if (size < tag.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A key needs at least {tag.Length} bytes for its tag.");
        }

        var key = new byte[size];
        tag.CopyTo(key, 0);
        for (var i = tag.Length; i < size; i++)
        {
            key[i] = (byte)KeyFill[random.Next(KeyFill.Length)];
        }

        return key;
    }

    /// <summary>Random bytes, CR, LF and NUL included: a value that only a binary-safe server returns intact.</summary>
    public static byte[] Value(int size, Random random)
    {
        var value = new byte[size];
        random.NextBytes(value);
        return value;
    }

    /// <summary>Null when <paramref name="reply"/> is a bulk string of exactly <paramref name="expected"/>; otherwise what is wrong.</summary>
    public static string? Mismatch(in Reply reply, ReadOnlySpan<byte> expected)
    {
        if (reply.Kind != ReplyKind.BulkString)
        {
            return "got " + Describe(reply);
        }

        var actual = reply.Bytes;
        if (actual.Length != expected.Length)
        {
            return $"expected {expected.Length} bytes, got {actual.Length}";
        }

        var differs = actual.CommonPrefixLength(expected);
        return differs == actual.Length ? null : $"{expected.Length} bytes that differ from offset {differs}";
    }

    /// <summary>A reply as redis-cli shows it, cut to one short line for a mismatch report.</summary>
    public static string Describe(in Reply reply)
    {
        var shown = ReplyRenderer.RenderText(reply, ReplyFormat.Tty).TrimEnd('\n').ReplaceLineEndings(" ");
        return shown.Length > 80 ? shown[..80] + "..." : shown;
    }
}
