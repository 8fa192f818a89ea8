using System.Text;

namespace Redis.Protocol.Tests;

public class RequestWriterTests
{
    [Fact]
    public void WritesACommandAsAnArrayOfBulkStrings()
    {
        var writer = new RequestWriter();

        writer.Write(CommandArgs.From("SET", "greeting", "hello world"));

        Assert.Equal("*3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$11\r\nhello world\r\n", Encoding.ASCII.GetString(writer.Written));
    }

    [Fact]
    public void WritesEmptyAndBinaryWordsByteForByte()
    {
        var writer = new RequestWriter();

        writer.Write("SET"u8.ToArray(), Array.Empty<byte>(), new byte[] { 0, 13, 10, 255 });

        Assert.Equal(
            [.. "*3\r\n$3\r\nSET\r\n$0\r\n\r\n$4\r\n"u8, 0, 13, 10, 255, .. "\r\n"u8],
            writer.Written.ToArray());
    }

    [Fact]
    public void AppendsPipelinedCommandsUntilCleared()
    {
        var writer = new RequestWriter();

        writer.Write(CommandArgs.From("PING"));
        writer.Write(CommandArgs.From("GET", "a"));
        var pipelined = Encoding.ASCII.GetString(writer.Written);
        writer.Clear();

        Assert.Equal("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\n", pipelined);
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void GrowsForAValueLargerThanItsBuffer()
    {
        var writer = new RequestWriter();
        var value = new byte[300_000];
        Random.Shared.NextBytes(value);

        writer.Write("SET"u8.ToArray(), "k"u8.ToArray(), value);

        var header = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$300000\r\n"u8.ToArray();
        Assert.Equal(header.Length + value.Length + 2, writer.Length);
        Assert.True(writer.Written[header.Length..^2].SequenceEqual(value));
    }

    [Fact]
    public void RefusesACommandWithoutWords()
    {
        var writer = new RequestWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(CommandArgs.From(Array.Empty<string>())));
    }

    [Fact]
    public void ItsOutputIsReadBackByTheServersReader()
    {
        var writer = new RequestWriter();
        writer.Write(CommandArgs.From("SET", "key with spaces", "line1\r\nline2"));
        var bytes = writer.Written.ToArray();

        var status = new RequestReader(new ProtocolLimits()).TryRead(bytes, 0, bytes.Length, out var args, out var consumed);

        Assert.Equal(System.Buffers.OperationStatus.Done, status);
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(["SET", "key with spaces", "line1\r\nline2"], args.ToArrays().Select(Encoding.UTF8.GetString));
    }
}
