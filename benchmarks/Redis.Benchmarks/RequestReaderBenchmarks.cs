using System.Text;
using BenchmarkDotNet.Attributes;
using Redis.Protocol;

namespace Redis.Benchmarks;

/// <summary>Framing cost per request, RESP and inline, single and pipelined.</summary>
[MemoryDiagnoser]
public class RequestReaderBenchmarks
{
    private readonly RequestReader _reader = new(new ProtocolLimits());
    private byte[] _set = [];
    private byte[] _pipelinedGets = [];
    private byte[] _inline = [];

    [GlobalSetup]
    public void Setup()
    {
        _set = Encoding.ASCII.GetBytes("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000123456\r\n$3\r\nxxx\r\n");
        _pipelinedGets = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("*2\r\n$3\r\nGET\r\n$16\r\nkey:000000123456\r\n", 16)));
        _inline = Encoding.ASCII.GetBytes("SET key:000000123456 \"hello world\"\r\n");
    }

    [Benchmark]
    public int RespSet() => ReadAll(_set);

    [Benchmark(OperationsPerInvoke = 16)]
    public int RespGetPipelined16() => ReadAll(_pipelinedGets);

    [Benchmark]
    public int InlineSetWithQuotes() => ReadAll(_inline);

    private int ReadAll(byte[] buffer)
    {
        var start = 0;
        var commands = 0;
        while (_reader.TryRead(buffer, start, buffer.Length - start, out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            start += consumed;
            commands++;
        }

        return commands;
    }
}
