using System.Text;
using Redis.Protocol;

namespace Redis.Client.Connection;

/// <summary>A person's hold on one server: connects lazily, reconnects after a loss, and reports failures as redis-cli does.</summary>
/// <remarks>
/// <para>
/// Like redis-cli, a lost connection is not retried behind the user's back (the command may or may not have run):
/// the failure is printed, the prompt becomes <c>not connected&gt; </c>, and the next command connects again.
/// </para>
/// <para>
/// Every connection selects the database asked for (<c>-n</c>, or the last <c>SELECT</c> that succeeded), as
/// <c>cliConnect</c> calls <c>cliSelect</c>; the prompt shows it when it is not 0 (<c>127.0.0.1:6379[1]&gt; </c>). A
/// refused <c>SELECT</c> prints "SELECT n failed: ..." and keeps the connection, on database 0.
/// </para>
/// <para>
/// With <c>-3</c>, every connection then sends <c>HELLO 3</c> (<c>cliSwitchProto</c>); a refusal prints
/// "HELLO 3 failed: ..." and fails the set-up, as <c>-3</c> given explicitly does in redis-cli. A push that arrives
/// before a command's reply goes to <c>pushes</c> (redis-cli's <c>cliPushHandler</c>), or is dropped when that is null.
/// </para>
/// </remarks>
internal sealed class ClientSession(
    string host,
    int port,
    TextWriter error,
    Credentials? credentials = null,
    int database = 0,
    bool resp3 = false,
    Action<Reply>? pushes = null) : IDisposable
{
    private RedisConnection? _connection;
    private string _host = host;
    private int _port = port;
    private volatile bool _interrupted;
    private IReadOnlyCollection<string>? _serverCommands;

    /// <summary>redis-cli's <c>input_dbnum</c>: the database every connection selects.</summary>
    private int _database = database;

    /// <summary>redis-cli's <c>dbnum</c>: the database this connection is on.</summary>
    private int _selected;

    public bool IsConnected => _connection is { IsBroken: false };

    /// <summary>The connection itself, for a mode that sends and receives on its own (<c>--pipe</c>); null when not connected.</summary>
    public RedisConnection? Connection => IsConnected ? _connection : null;

    /// <summary>True when the last connection was made but its <c>AUTH</c> or <c>SELECT</c> was refused.</summary>
    /// <remarks>redis-cli's <c>cliConnect</c> fails then, though the connection stays: the modes that need it whole (<c>--scan</c>, <c>--pipe</c>) exit 1.</remarks>
    public bool SetUpFailed { get; private set; }

    /// <summary>redis-cli's prompt: the address as the user gave it and the database unless 0, or <c>not connected</c>.</summary>
    public string Prompt => !IsConnected ? "not connected> "
        : _selected == 0 ? $"{_host}:{_port}> "
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_host}:{_port}[{_selected}]> ");

    /// <summary>Connects (authenticates, selects the database) unless connected; on failure prints "Could not connect to Redis at ...".</summary>
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
            _connection.PushReceived = pushes;
            // As cliConnect: a refused AUTH ends the set-up before SELECT, a refused SELECT before HELLO 3.
            _selected = 0;
            SetUpFailed = _connection.AuthRefused || !TrySelect() || !TrySwitchProtocol();
            return true;
        }
        catch (RedisConnectionException e)
        {
            error.WriteLine(e.Message);
            Drop();
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
            var reply = _connection!.Execute(command);
            if (command.Count == 2 && Ascii.EqualsIgnoreCase(command[0], "select") && !reply.IsError)
            {
                // cliSendCommand keeps the database a SELECT moved to, for the prompt and for the next connection.
                _database = _selected = Atoi(command[1]);
            }

            return reply;
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

    /// <summary>redis-cli's <c>cliSelect</c>: selects <see cref="_database"/> unless the connection is on it already.</summary>
    /// <returns>False when the server refused; the reason is printed.</returns>
    private bool TrySelect()
    {
        if (_database == _selected)
        {
            return true;
        }

        var database = _database.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reply = _connection!.Execute(CommandArgs.From("SELECT", database));
        if (reply.IsError)
        {
            error.WriteLine($"SELECT {database} failed: {Encoding.UTF8.GetString(reply.Bytes)}");
            return false;
        }

        _selected = _database;
        return true;
    }

    /// <summary>redis-cli's <c>cliSwitchProto</c>: <c>HELLO 3</c> when <c>-3</c> was given.</summary>
    /// <returns>False when the server refused; the reason is printed.</returns>
    private bool TrySwitchProtocol()
    {
        if (!resp3)
        {
            return true;
        }

        var reply = _connection!.Execute(CommandArgs.From("HELLO", "3"));
        if (reply.IsError)
        {
            error.WriteLine($"HELLO 3 failed: {Encoding.UTF8.GetString(reply.Bytes)}");
            return false;
        }

        return true;
    }

    // The server accepted the number, so it parses; atoi's 0 stands in for anything else.
    private static int Atoi(ReadOnlySpan<byte> digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;

    private void Drop()
    {
        _serverCommands = null;
        _connection?.Dispose();
        _connection = null;
    }
}
