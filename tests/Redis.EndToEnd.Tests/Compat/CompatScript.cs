using System.Globalization;
using System.Text;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>One script of the differential corpus in <c>tests/compat</c>: commands, one per line, with their line numbers.</summary>
/// <remarks>The format is described in <c>tests/compat/README.md</c>; words split as redis-cli splits them (<c>sdssplitargs</c>).</remarks>
public sealed class CompatScript
{
    private CompatScript(string name, IReadOnlyList<CompatLine> lines)
    {
        Name = name;
        Lines = lines;
    }

    /// <summary>The directory the corpus is copied to beside the test assembly.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "compat");

    public string Name { get; }

    public IReadOnlyList<CompatLine> Lines { get; }

    /// <summary>The file names of every script, for <c>MemberData</c>.</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static CompatScript Load(string name)
    {
        var lines = new List<CompatLine>();
        var number = 0;
        foreach (var text in File.ReadLines(Path.Combine(Directory, name)))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text) || text.StartsWith('#'))
            {
                continue;
            }

            var unordered = text.StartsWith("~ ", StringComparison.Ordinal);
            var command = unordered ? text[2..] : text;
            var replies = 1;
            if (command.StartsWith('*'))
            {
                // "*3 SUBSCRIBE a b c": the command answers three replies, read and compared as one.
                var space = command.IndexOf(' ', StringComparison.Ordinal);
                replies = int.Parse(command.AsSpan(1, space - 1), CultureInfo.InvariantCulture);
                command = command[(space + 1)..];
            }

            string? masked = null;
            if (command.StartsWith('?'))
            {
                var space = command.IndexOf(' ', StringComparison.Ordinal);
                masked = command[1..space];
                command = command[(space + 1)..];
            }

            lines.Add(new CompatLine(number, text, Split(command), unordered, replies, masked));
        }

        return new CompatScript(name, lines);
    }

    /// <summary>Splits a line into words as redis-cli's <c>sdssplitargs</c> does.</summary>
    public static byte[][] Split(string line)
    {
        var words = new List<byte[]>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                return [.. words];
            }

            var word = new List<byte>();
            var quote = '\0';
            for (; ; i++)
            {
                if (quote == '\0')
                {
                    if (i >= line.Length || char.IsWhiteSpace(line[i]))
                    {
                        break;
                    }

                    if (line[i] is '"' or '\'')
                    {
                        quote = line[i];
                    }
                    else
                    {
                        word.AddRange(Encoding.UTF8.GetBytes(line[i].ToString()));
                    }

                    continue;
                }

                if (i >= line.Length)
                {
                    throw new FormatException($"Unbalanced quotes in: {line}");
                }

                if (line[i] == quote)
                {
                    quote = '\0';
                    i++;
                    break;
                }

                if (quote == '"' && line[i] == '\\' && i + 3 < line.Length && line[i + 1] == 'x' && IsHex(line[i + 2]) && IsHex(line[i + 3]))
                {
                    word.Add(byte.Parse(line.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                }
                else if (quote == '"' && line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    word.Add(line[i] switch
                    {
                        'n' => (byte)'\n',
                        'r' => (byte)'\r',
                        't' => (byte)'\t',
                        'b' => (byte)'\b',
                        'a' => (byte)'\a',
                        var c => (byte)c,
                    });
                }
                else if (quote == '\'' && line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    i++;
                    word.Add((byte)'\'');
                }
                else
                {
                    word.AddRange(Encoding.UTF8.GetBytes(line[i].ToString()));
                }
            }

            words.Add([.. word]);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
