using BenchmarkDotNet.Attributes;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Benchmarks;

/// <summary>Encoding cost per reply.</summary>
[MemoryDiagnoser]
public class ReplyWriterBenchmarks
{
    private readonly ReplyWriter _writer = new();
    private readonly Reply _small = Reply.Bulk("xxx"u8.ToArray());
    private readonly Reply _large = Reply.Bulk(new byte[100 * 1024]);

    [Benchmark]
    public int Ok() => Write(Reply.Ok);

    [Benchmark]
    public int Integer() => Write(Reply.Integer(123_456));

    [Benchmark]
    public int SmallBulk() => Write(_small);

    [Benchmark]
    public int Bulk100KB() => Write(_large);

    private int Write(in Reply reply)
    {
        _writer.Write(reply);
        var length = _writer.Length;
        _writer.Clear();
        return length;
    }
}
