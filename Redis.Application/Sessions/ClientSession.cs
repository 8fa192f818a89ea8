using System.Diagnostics;

namespace Redis.Application.Sessions;

/// <summary>What Redis keeps per connection (its <c>client</c> struct): identity, authentication, name, database.</summary>
/// <remarks>
/// <para>
/// The transport opens one through <see cref="ClientRegistry.Open"/> when it accepts a connection and closes it when the
/// connection ends; the router hands it to the binders of the commands that act on the connection (AUTH, HELLO,
/// CLIENT, SELECT), which put it in their request, so a handler sees the session of the request it answers and no
/// other. Nothing global stands for "the current connection".
/// </para>
/// <para>
/// Only the serving thread reads or writes a session, like the keyspace. This is also where per-connection state of
/// later features belongs: the protocol version, a transaction's queue, subscriptions, flags, and the buffers and
/// output queue of an event-loop transport.
/// </para>
/// </remarks>
public sealed class ClientSession
{
    private byte[]? _name;
    private byte[]? _libraryName;
    private byte[]? _libraryVersion;

    internal ClientSession(long id, string? remoteAddress, string? localAddress, bool authenticated)
    {
        Id = id;
        RemoteAddress = remoteAddress;
        LocalAddress = localAddress;
        IsAuthenticated = authenticated;
    }

    /// <summary>The client's id (<c>CLIENT ID</c>): 1 for the first connection of the server's run, then counting up.</summary>
    public long Id { get; }

    /// <summary>The peer's address and port (<c>addr</c> in <c>CLIENT INFO</c>); null when the transport cannot tell.</summary>
    public string? RemoteAddress { get; }

    /// <summary>The local address and port the client connected to (<c>laddr</c>); null when the transport cannot tell.</summary>
    public string? LocalAddress { get; }

    /// <summary>When the connection was accepted, on the <see cref="Stopwatch"/> clock.</summary>
    public long ConnectedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>Seconds since the connection was accepted (<c>age</c> in <c>CLIENT INFO</c>).</summary>
    public long AgeSeconds => (long)Stopwatch.GetElapsedTime(ConnectedAt).TotalSeconds;

    /// <summary>
    /// Redis's <c>c->authenticated</c>: true from the start when the default user has no password, otherwise once
    /// <c>AUTH</c> or <c>HELLO ... AUTH</c> succeeded on this connection. A failed attempt later does not undo it.
    /// </summary>
    public bool IsAuthenticated { get; private set; }

    /// <summary>The name of the last command the connection sent that the server knows (<c>cmd</c> in <c>CLIENT LIST</c>); null before the first.</summary>
    public string? LastCommand { get; set; }

    /// <summary>The database the connection has selected (<c>db</c> in <c>CLIENT INFO</c>).</summary>
    public int Database { get; set; }

    /// <summary>The name set with <c>CLIENT SETNAME</c> or <c>HELLO ... SETNAME</c>; null when none.</summary>
    public byte[]? Name
    {
        get => _name;
        set => _name = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-NAME</c>; null when none.</summary>
    public byte[]? LibraryName
    {
        get => _libraryName;
        set => _libraryName = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-VER</c>; null when none.</summary>
    public byte[]? LibraryVersion
    {
        get => _libraryVersion;
        set => _libraryVersion = value is { Length: > 0 } ? value : null;
    }

    /// <summary>The connection's <c>MULTI</c>/<c>EXEC</c> queue and <c>WATCH</c>ed keys.</summary>
    public TransactionState Transaction { get; } = new();

    /// <summary>Where the registry holds this session while it is open; null once closed.</summary>
    internal LinkedListNode<ClientSession>? Node { get; set; }

    /// <summary>Marks the connection authenticated, once credentials were checked.</summary>
    public void Authenticate() => IsAuthenticated = true;

    /// <summary>
    /// True when every byte is printable ASCII other than space, Redis's rule for client names and library
    /// attributes (<c>validateClientName</c>), so that <c>CLIENT LIST</c> stays one parsable line per client.
    /// </summary>
    public static bool IsValidAttribute(ReadOnlySpan<byte> value)
    {
        foreach (var c in value)
        {
            if (c is < (byte)'!' or > (byte)'~')
            {
                return false;
            }
        }

        return true;
    }
}
