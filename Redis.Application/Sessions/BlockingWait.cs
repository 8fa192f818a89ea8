namespace Redis.Application.Sessions;

/// <summary>What the blocking form of a command adds to it: the connection that may wait, and for how long.</summary>
/// <param name="Session">The connection the command runs for.</param>
/// <param name="Timeout">Milliseconds to wait, 0 for ever (see <see cref="Common.BlockingTimeout"/>).</param>
public sealed record BlockingWait(ClientSession Session, long Timeout);
