namespace Redis.Application.Common;

/// <summary>One slow log entry, as <c>SLOWLOG GET</c> reports it (Redis's <c>slowlogEntry</c>).</summary>
/// <param name="Id">Counts up from 0 over the server's run; <c>SLOWLOG RESET</c> does not restart it.</param>
/// <param name="UnixSeconds">When the command ran.</param>
/// <param name="Microseconds">How long it ran.</param>
/// <param name="Arguments">The command's words, cut as Redis cuts them (see <see cref="SlowLog"/>).</param>
/// <param name="ClientAddress">The client's <c>ip:port</c>.</param>
/// <param name="ClientName">The client's name, empty when it has none.</param>
public sealed record SlowLogEntry(long Id, long UnixSeconds, long Microseconds, byte[][] Arguments, byte[] ClientAddress, byte[] ClientName);
