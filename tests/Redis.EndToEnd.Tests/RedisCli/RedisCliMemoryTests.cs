using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.Compat;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RedisCli;

/// <summary>
/// redis-cli's <c>--memkeys</c> (SCAN, TYPE, <c>MEMORY USAGE</c> per key) and <c>--bigkeys</c> run to the end, and their
/// summaries have the lines they have against redis-server for the same string keys, numbers and names aside.
/// </summary>
public abstract partial class RedisCliMemoryTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : RedisCliMemoryTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : RedisCliMemoryTests(server);

    [Theory]
    [InlineData("--memkeys")]
    [InlineData("--bigkeys")]
    public void TheScanRunsToTheEndWithTheSummaryRedisPrints(string option)
    {
        using (var client = server.Connect())
        {
            Fill(client);
        }

        var ours = Summary(server.EndPoint, option);
        Assert.Contains(ours, line => line.StartsWith("Biggest string found", StringComparison.Ordinal));
        Assert.Contains(ours, line => line.Contains("strings with", StringComparison.Ordinal));

        using var reference = new ReferenceRedisServer();
        if (reference.MissingReason is not null)
        {
            return;
        }

        using (var client = reference.Connect())
        {
            Fill(client);
        }

        Assert.Equal(Summary(reference.EndPoint, option), ours);
    }

    private static void Fill(WireClient client)
    {
        client.Call("SET", "mem:small", "1");
        client.Call("SET", "mem:big", new string('x', 20_000));
        client.Call("SET", "mem:ttl", "v", "EX", "100");
    }

    /// <summary>The lines after redis-cli's summary banner, every number and quoted key masked.</summary>
    private static List<string> Summary(IPEndPoint endPoint, string option)
    {
        var (exitCode, output, error) = ExternalTool.Run(
            ExternalTool.Require("redis-cli"),
            ["-h", "127.0.0.1", "-p", endPoint.Port.ToString(CultureInfo.InvariantCulture), option],
            TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, line => line.Contains("summary", StringComparison.Ordinal));
        Assert.True(start >= 0, output);
        return [.. lines[start..].Select(line => Numbers().Replace(Quoted().Replace(line, "'K'"), "N"))];
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();
}
