using System.Text;
using Redis.Application.Replies;
using Redis.EndToEnd.Tests.Support;
using Xunit.Abstractions;
using Redis.Protocol;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>
/// Runs every script of <c>tests/compat</c> against this server and a real redis-server and compares the raw reply
/// bytes of every command: the proof that replies and error texts are Redis's own.
/// </summary>
/// <remarks>
/// Without redis-server on PATH there is nothing to compare with. xunit 2 has no dynamic skip, so the choice is:
/// when the environment variable <c>CI</c> is set (as <c>.ci/run</c> runs, after ./test.sh installed redis-server)
/// the test fails with the reason; elsewhere it passes and writes the reason to the test output, never claiming a
/// comparison it did not make.
/// </remarks>
public abstract class DifferentialTests(ISystemClockServers servers, ITestOutputHelper output)
{
    public sealed class Blocking(SystemClockServerFixture<BlockingTransport> servers, ITestOutputHelper output)
        : DifferentialTests(servers, output), IClassFixture<SystemClockServerFixture<BlockingTransport>>;

    public sealed class EventLoop(SystemClockServerFixture<EventLoopTransport> servers, ITestOutputHelper output)
        : DifferentialTests(servers, output), IClassFixture<SystemClockServerFixture<EventLoopTransport>>;

    public static TheoryData<string> Scripts => [.. CompatScript.Names()];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void RepliesMatchRedisServerByteForByte(string script)
    {
        if (!ReferenceIsAvailable())
        {
            return;
        }

        var mismatches = new List<string>();
        var compared = 0;
        using (var ours = servers.Connect())
        using (var redis = servers.Reference.Connect())
        {
            Assert.Equal("+OK\r\n", ours.Call("FLUSHALL"));
            Assert.Equal("+OK\r\n", redis.Call("FLUSHALL"));
            foreach (var line in CompatScript.Load(script).Lines)
            {
                var expected = Exchange(redis, line);
                var actual = Exchange(ours, line);
                compared++;
                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    mismatches.Add($"{script}:{line.Number}: {line.Text}\n  redis-server: {Show(expected)}\n  this server:  {Show(actual)}");
                }
            }
        }

        output.WriteLine($"{script}: {compared} replies compared with redis-server {servers.Reference.Version}.");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static byte[] Exchange(WireClient client, CompatLine line)
    {
        client.Send(Resp.Command(line.Words));
        var reply = client.ReadReply();
        for (var i = 1; i < line.Replies; i++)
        {
            reply = [.. reply, .. client.ReadReply()];
        }

        reply = line.MaskedField is { } field ? RespNormalizer.MaskField(reply, field) : reply;
        return line.Unordered ? RespNormalizer.SortArrays(reply) : reply;
    }

    private static string Show(byte[] reply) =>
        Repr.Quote(reply.Length > 400 ? reply.AsSpan(0, 400) : reply) + (reply.Length > 400 ? "..." : string.Empty);

    private bool ReferenceIsAvailable()
    {
        if (servers.Reference.MissingReason is not { } reason)
        {
            return true;
        }

        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "CI is set, but " + reason);
        output.WriteLine("NOT COMPARED: " + reason);
        return false;
    }
}
