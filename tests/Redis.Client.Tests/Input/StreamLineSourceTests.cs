using System.Text;
using Redis.Client.Input;

namespace Redis.Client.Tests.Input;

public class StreamLineSourceTests
{
    [Fact]
    public void ReadsLinesWithoutTheirEndings()
    {
        var lines = ReadAll("SET a 1\nGET a\r\n\nlast line without newline"u8.ToArray());

        Assert.Equal(["SET a 1", "GET a", "", "last line without newline"], lines);
    }

    [Fact]
    public void KeepsBinaryBytesAsTheyAre()
    {
        var source = new StreamLineSource(new MemoryStream([(byte)'s', 0xff, 0x00, (byte)'\n']));

        Assert.Equal(new byte[] { (byte)'s', 0xff, 0x00 }, source.ReadLine(""));
        Assert.Null(source.ReadLine(""));
    }

    [Fact]
    public void ReadsLinesLongerThanItsBuffer()
    {
        var longLine = new string('x', 200_000);

        var lines = ReadAll(Encoding.ASCII.GetBytes(longLine + "\nnext\n"));

        Assert.Equal([longLine, "next"], lines);
    }

    [Fact]
    public void EndsAtTheEndOfInput()
    {
        var source = new StreamLineSource(new MemoryStream());

        Assert.Null(source.ReadLine("ignored> "));
        Assert.Null(source.ReadLine("ignored> "));
    }

    private static List<string> ReadAll(byte[] input)
    {
        var source = new StreamLineSource(new MemoryStream(input));
        var lines = new List<string>();
        while (source.ReadLine("") is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }

        return lines;
    }
}
