namespace Redis.Application.Commands.Client;

/// <summary>What <c>CLIENT KILL</c> matches: every filter given must hold (Redis's loop over <c>server.clients</c>).</summary>
/// <param name="Address">The peer as <c>ip:port</c> (<c>ADDR</c>, or the old form's one argument).</param>
/// <param name="LocalAddress">The local end as <c>ip:port</c> (<c>LADDR</c>).</param>
/// <param name="Id">The client id (<c>ID</c>); 0 for any.</param>
/// <param name="Type">The kind of connection (<c>TYPE</c>); null for any.</param>
/// <param name="SkipMe">True (<c>SKIPME yes</c>, the new form's default) to spare the connection that asks.</param>
/// <param name="OldForm">True for <c>CLIENT KILL ip:port</c>, answered <c>+OK</c> or <c>No such client</c> instead of a count.</param>
public sealed record ClientKillFilter(
    string? Address = null,
    string? LocalAddress = null,
    long Id = 0,
    ClientType? Type = null,
    bool SkipMe = true,
    bool OldForm = false);
