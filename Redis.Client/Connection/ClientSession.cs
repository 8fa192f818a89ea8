using System.Text;
using Redis.Protocol;

namespace Redis.Client.Connection;

/// <summary>A person's hold on one server: connects lazily, reconnects after a loss, and reports failures as redis-cli does.</summary>
/// <remarks>
/// Like redis-cli, a lost connection is not retried behind the user's back (the command may or may not have run):
/// the failure is printed, the prompt becomes <c>not connected&gt; </c>, and the next command connects again.
/// </remarks>
internal sealed class ClientSession(string host, int port, TextWriter error, Credentials? credentials = null) : IDisposable
{
    private RedisConnection? _connection;
    private string _host = host;
    private int _port = port;
    private volatile bool _interrupted;
    private IReadOnlyCollection<string>? _serverCommands;

    public bool IsConnected => _connection is { IsBroken: false };

    /// <summary>redis-cli's prompt: the address as the user gave it, or <c>not connected</c>.</summary>
    public string Prompt => IsConnected ? $"{_host}:{_port}> " : "not connected> ";

    /// <summary>Connects (and authenticates, given credentials) unless connected; on failure prints "Could not connect to Redis at ...".</summary>
    public bool TryConnect()
    {
        if (IsConnected)
        {
            return true;
        }

        Drop();
        try
        {
            _connection = RedisConnection.Open(_host, _port, credentials, error);
            return true;
        }
        catch (RedisConnectionException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
    }

    /// <summary>redis-cli's <c>connect host port</c>: drops the connection and connects to another server.</summary>
    /// <remarks>The port is read as C's <c>atoi</c> reads it, as redis-cli does: text that is not a number is port 0.</remarks>
    public bool Connect(string newHost, string newPort)
    {
        Drop();
        (_host, _port) = (newHost, int.TryParse(newPort, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0);
        return TryConnect();
    }

    /// <summary>Runs one command, connecting first if needed.</summary>
    /// <returns>The reply, or null when there is no connection or it broke (the reason is already printed).</returns>
    public Reply? Execute(CommandArgs command)
    {
        if (!TryConnect())
        {
            return null;
        }

        try
        {
            return _connection!.Execute(command);
        }
        catch (RedisConnectionException e)
        {
            if (!_interrupted)
            {
                error.WriteLine("Error: " + e.Message);
            }

            Drop();
            return null;
        }
    }

    /// <summary>The names the server's <c>COMMAND LIST</c> answers, asked once per connection; null when not connected.</summary>
    /// <remarks>Never connects just for this: <c>help</c> works offline, as in redis-cli.</remarks>
    public IReadOnlyCollection<string>? ServerCommands()
    {
        if (!IsConnected)
        {
            return null;
        }

        if (_serverCommands is null && Execute(CommandArgs.From("COMMAND", "LIST")) is { Kind: ReplyKind.Array } list)
        {
            _serverCommands = [.. list.Items.Where(i => i.Kind == ReplyKind.BulkString).Select(i => Encoding.UTF8.GetString(i.Bytes))];
        }

        return _serverCommands;
    }

    /// <summary>Closes the connection from another thread, ending quietly a command that is waiting for its reply.</summary>
    public void Interrupt()
    {
        _interrupted = true;
        _connection?.Dispose();
    }

    public void Dispose() => Drop();

    private void Drop()
    {
        _serverCommands = null;
        _connection?.Dispose();
        _connection = null;
    }
}
