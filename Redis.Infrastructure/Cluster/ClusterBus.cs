using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Application.Cluster;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Cluster;

/// <summary>
/// The cluster bus (ADR 0036): listens on <c>cluster-port</c>, answers every message with a <c>pong</c>, carries out
/// <c>CLUSTER MEET</c>, pings every known node several times a second, and saves <c>nodes.conf</c> after a change.
/// </summary>
/// <remarks>
/// It runs on the thread pool, never on the serving thread: everything it learns goes through
/// <see cref="ClusterState"/>, which takes its lock and publishes a new immutable view for the router. One exchange
/// is one short connection (message, answer, close), so two nodes pinging each other at once never wait on each other.
/// </remarks>
public sealed partial class ClusterBus(ClusterState state, IOptions<RedisServerOptions> options, ILogger<ClusterBus> logger) : BackgroundService
{
    /// <summary>How often the nodes are pinged: often enough that <c>redis-cli --cluster create</c> sees the cluster join within its first poll.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait for one exchange: a node slower than this counts as silent for that round.</summary>
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(1);

    private TcpListener? _listener;
    private string? _saved;

    private string ConfigPath => Path.Combine(options.Value.DataDirectory, options.Value.ClusterConfigFile);

    /// <summary>Redis's <c>clusterInit</c>: loads <c>nodes.conf</c> when there is one, and binds the bus port before any client is served.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!state.Enabled)
        {
            return Task.CompletedTask;
        }

        var settings = options.Value;
        if (File.Exists(ConfigPath))
        {
            state.Load(File.ReadAllLines(ConfigPath));
            LogLoaded(ConfigPath, state.View.Myself.Id);
        }

        var busPort = settings.ClusterPort != 0 ? settings.ClusterPort : settings.Port + 10000;
        var address = IPAddress.Parse(settings.Bind.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        _listener = new TcpListener(address, busPort);
        _listener.Start();
        state.SetMyPorts(settings.Port, busPort);
        LogListening(address, busPort, state.View.Myself.Id);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Stop();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        SaveIfChanged();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var accepting = AcceptAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Tick, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException e)
            {
                LogSaveFailed(ConfigPath, e.Message);
            }
        }

        await accepting.ConfigureAwait(false);
    }

    /// <summary>One round: the meetings asked for, a ping to every node, the failure timeouts, and the file.</summary>
    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        var exchanges = new List<Task>();
        while (state.TryTakeMeet(out var meet))
        {
            exchanges.Add(ExchangeAsync(meet.Ip, meet.BusPort, ClusterMessageType.Meet, stoppingToken));
        }

        foreach (var (_, ip, busPort) in state.PingTargets())
        {
            exchanges.Add(ExchangeAsync(ip, busPort, ClusterMessageType.Ping, stoppingToken));
        }

        await Task.WhenAll(exchanges).ConfigureAwait(false);
        state.UpdateHealth();
        SaveIfChanged();
    }

    /// <summary>Sends one message and takes in the answer; a node that does not answer is left to the failure timeouts.</summary>
    private async Task ExchangeAsync(string ip, int busPort, ClusterMessageType type, CancellationToken stoppingToken)
    {
        if (!IPAddress.TryParse(ip, out var address))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ExchangeTimeout);
        try
        {
            using var client = new TcpClient(address.AddressFamily);
            await client.ConnectAsync(address, busPort, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await WriteAsync(stream, state.CreateMessage(type), timeout.Token).ConfigureAwait(false);
            if (await ReadAsync(stream, timeout.Token).ConfigureAwait(false) is { } answer)
            {
                state.Receive(answer, address.ToString(), LocalAddress(client.Client));
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Timed out: the node counts as silent this round.
        }
        catch (SocketException)
        {
            // Refused or unreachable: as silent.
        }
        catch (IOException)
        {
            // Closed mid-message: as silent.
        }
    }

    private async Task AcceptAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = AnswerAsync(socket, stoppingToken);
        }
    }

    /// <summary>Redis's <c>clusterProcessPacket</c> for one inbound connection: take in the message, answer with a pong.</summary>
    private async Task AnswerAsync(Socket socket, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ExchangeTimeout);
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (await ReadAsync(stream, timeout.Token).ConfigureAwait(false) is not { } message)
            {
                return;
            }

            var peer = ((IPEndPoint)socket.RemoteEndPoint!).Address;
            state.Receive(message, (peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer).ToString(), LocalAddress(socket));
            await WriteAsync(stream, state.CreateMessage(ClusterMessageType.Pong), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // A peer that went away or a stray client: nothing to answer.
        }
    }

    private static string LocalAddress(Socket socket)
    {
        var local = ((IPEndPoint)socket.LocalEndPoint!).Address;
        return (local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local).ToString();
    }

    private static async Task WriteAsync(Stream stream, ClusterMessage message, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(ClusterBusCodec.Encode(message)), cancellationToken).ConfigureAwait(false);

    /// <summary>Reads through the <c>end</c> line; null for a message that is malformed, too long, or cut short.</summary>
    private static async Task<ClusterMessage?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (buffer.Length < ClusterBusCodec.MaxMessageBytes)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (text.EndsWith("\nend\n", StringComparison.Ordinal))
            {
                return ClusterBusCodec.Decode(text);
            }
        }

        return null;
    }

    /// <summary>Redis's <c>clusterSaveConfig</c>: the whole file rewritten, through a temporary file renamed over it.</summary>
    private void SaveIfChanged()
    {
        var text = state.Enabled ? ClusterNodesText.FormatConfig(state.View) : null;
        if (text is null || text == _saved)
        {
            return;
        }

        var temporary = ConfigPath + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, ConfigPath, overwrite: true);
        _saved = text;
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Cluster bus listening on {Address}:{Port}, node {Id}")]
    private partial void LogListening(IPAddress address, int port, string id);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Cluster configuration loaded from {Path}: node {Id}")]
    private partial void LogLoaded(string path, string id);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Could not save the cluster configuration to {Path}: {Reason}")]
    private partial void LogSaveFailed(string path, string reason);
}
