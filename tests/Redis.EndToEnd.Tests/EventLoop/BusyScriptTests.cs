using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// A script past <c>busy-reply-threshold</c> (here 0: busy at its first check): the loop serves the other connections
/// between its instructions with Redis's <c>-BUSY</c> and its <c>allow_busy</c> commands, and <c>SCRIPT KILL</c> or
/// <c>SHUTDOWN NOSAVE</c> stops it. Replies as redis-server 7.0.15 sends them.
/// </summary>
[TransportSpecific("A busy script: only the event loop serves a second connection while one runs.")]
[Collection(EventLoopServerCollection.Name)]
public sealed class BusyScriptTests : IDisposable
{
    private const string Busy = "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";
    private const string Endless = "while true do end";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly EventLoopServerFixture _server;

    public BusyScriptTests(EventLoopServerFixture server)
    {
        _server = server;
        using var admin = server.Connect();
        Assert.Equal("+OK\r\n", admin.Call("CONFIG", "SET", "busy-reply-threshold", "0"));
    }

    public void Dispose()
    {
        using var admin = _server.Connect();
        admin.Call("CONFIG", "SET", "busy-reply-threshold", "5000");
    }

    [Fact]
    public void OthersAreRefusedWithBusyUntilSCRIPTKILLStopsTheScript()
    {
        using var runner = _server.Connect();
        using var other = _server.Connect();
        // The caller's next command waits behind its script.
        runner.Send([.. Resp.Command("EVAL", Endless, "0"), .. Resp.Command("PING")]);
        WaitUntilBusy(other);

        Assert.Equal(Busy, other.Call("GET", "busy:k"));
        Assert.Equal(Busy, other.Call("EVAL", "return 1", "0"));
        Assert.Equal(Busy, other.Call("SHUTDOWN", "SAVE"));
        Assert.Equal("-ERR No shutdown in progress.\r\n", other.Call("SHUTDOWN", "ABORT"));
        Assert.Equal("+OK\r\n", other.Call("MULTI"));
        Assert.Equal(Busy, other.Call("SET", "busy:k", "v"));
        Assert.Equal("-EXECABORT Transaction discarded because of: BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n", other.Call("EXEC"));
        Assert.Equal("+OK\r\n", other.Call("WATCH", "busy:k"));
        Assert.Equal("+OK\r\n", other.Call("UNWATCH"));

        // A connection that arrives meanwhile is accepted and served the same way.
        using var late = _server.Connect();
        Assert.Equal(Busy, late.Call("PING"));

        Assert.Equal("+OK\r\n", other.Call("SCRIPT", "KILL"));
        Assert.Equal($"-ERR Script killed by user with SCRIPT KILL... script: {Sha(Endless)}, on @user_script:1.\r\n", runner.ReadReplyText());
        Assert.Equal("+PONG\r\n", runner.ReadReplyText());
        Assert.Equal("+PONG\r\n", other.Call("PING"));
        Assert.Equal("-NOTBUSY No scripts in execution right now.\r\n", other.Call("SCRIPT", "KILL"));
        Assert.Equal("$-1\r\n", other.Call("GET", "busy:k"));
    }

    [Fact]
    public void AScriptThatWroteStaysAtomicUntilShutdownNosaveStopsItAndTheServer()
    {
        var (server, port) = ServerProcess.StartOnFreePort(["--io-model", "event-loop", "--busy-reply-threshold", "0"], Deadline);
        using var _ = ServerProcess.Owned(server);
        using var runner = new WireClient(new IPEndPoint(IPAddress.Loopback, port));
        using var waiter = new WireClient(new IPEndPoint(IPAddress.Loopback, port));
        using var other = new WireClient(new IPEndPoint(IPAddress.Loopback, port));
        waiter.SendCommand("BLPOP", "list", "0");
        WaitUntilBlocked(other);

        // The script pushes, then loops: the blocked client must not take the element while the script runs.
        runner.SendCommand("EVAL", "redis.call('RPUSH', KEYS[1], 'a') while true do end", "1", "list");
        WaitUntilBusy(other);

        Assert.Equal(
            "-UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.\r\n",
            other.Call("SCRIPT", "KILL"));
        Assert.Equal(Busy, other.Call("SHUTDOWN"));
        Assert.Equal(0, waiter.Available);
        other.SendCommand("SHUTDOWN", "NOSAVE");

        Assert.True(other.IsClosedByServer());
        Assert.True(server.WaitForExit((int)Deadline.TotalMilliseconds), "the server did not exit");
        Assert.Equal(0, server.ExitCode);
    }

    private static void WaitUntilBusy(WireClient client)
    {
        var clock = Stopwatch.StartNew();
        while (client.Call("PING") != Busy)
        {
            Assert.True(clock.Elapsed < Deadline, "the script never became busy");
        }
    }

    private static void WaitUntilBlocked(WireClient client)
    {
        var clock = Stopwatch.StartNew();
        while (!client.Call("INFO", "clients").Contains("blocked_clients:1\r\n", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < Deadline, "the client never blocked");
        }
    }

    private static string Sha(string script) =>
#pragma warning disable CA5350 // Redis's script digest.
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(script)));
#pragma warning restore CA5350
}
