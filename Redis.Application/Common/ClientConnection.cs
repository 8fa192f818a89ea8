using System.Diagnostics;

namespace Redis.Application.Common;

/// <summary>The state Redis keeps per connection (authentication, name, library name and version), for the one client being served.</summary>
/// <remarks>
/// One client is served at a time, so one instance suffices. It notices a new connection by the connection counter
/// the transport keeps (<see cref="ServerStatistics.ConnectionsReceived"/>), which is also the client's id, as
/// Redis's ids count up from 1 per connection: a new client starts with a clean slate and the transport needs no hook.
/// Only the serving thread touches it.
/// </remarks>
public sealed class ClientConnection(ServerStatistics statistics, DefaultUser user)
{
    private long _owner = -1;
    private bool _authenticated;
    private byte[]? _name;
    private byte[]? _libraryName;
    private byte[]? _libraryVersion;
    private long _connectedAt;

    /// <summary>The client's id (<c>CLIENT ID</c>): the number of connections accepted so far, this one included.</summary>
    public long Id => statistics.ConnectionsReceived;

    /// <summary>
    /// Redis's <c>c->authenticated</c>: true from the start when the default user has no password, otherwise once
    /// <c>AUTH</c> or <c>HELLO ... AUTH</c> succeeded on this connection. A failed attempt later does not undo it.
    /// </summary>
    public bool IsAuthenticated => Current()._authenticated;

    /// <summary>Redis's <c>ACLAuthenticateUser</c>: checks the credentials and, when they match, authenticates the connection.</summary>
    public bool TryAuthenticate(ReadOnlySpan<byte> username, ReadOnlySpan<byte> password)
    {
        if (!user.Accepts(username, password))
        {
            return false;
        }

        Current()._authenticated = true;
        return true;
    }

    /// <summary>The name set with <c>CLIENT SETNAME</c> or <c>HELLO ... SETNAME</c>; null when none.</summary>
    public byte[]? Name
    {
        get => Current()._name;
        set => Current()._name = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-NAME</c>; null when none.</summary>
    public byte[]? LibraryName
    {
        get => Current()._libraryName;
        set => Current()._libraryName = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-VER</c>; null when none.</summary>
    public byte[]? LibraryVersion
    {
        get => Current()._libraryVersion;
        set => Current()._libraryVersion = value is { Length: > 0 } ? value : null;
    }

    /// <summary>Seconds since the connection's first command (<c>age</c> in <c>CLIENT INFO</c>).</summary>
    public long AgeSeconds => (long)Stopwatch.GetElapsedTime(Current()._connectedAt).TotalSeconds;

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

    private ClientConnection Current()
    {
        if (_owner != Id)
        {
            _owner = Id;
            _authenticated = !user.RequiresPassword;
            _name = null;
            _libraryName = null;
            _libraryVersion = null;
            _connectedAt = Stopwatch.GetTimestamp();
        }

        return this;
    }
}
