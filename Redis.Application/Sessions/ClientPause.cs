using Redis.Application.Common;
using Redis.Application.Routing;

namespace Redis.Application.Sessions;

/// <summary>The server's <c>CLIENT PAUSE</c> state: which commands are held back, and until when on the server's clock.</summary>
/// <remarks>
/// <para>
/// Mirrors Redis 7.0's <c>pauseClients</c>, <c>unpauseClients</c> and <c>checkClientPauseTimeoutAndReturnIfPaused</c>
/// (networking.c) for the one purpose this server has, the command: a second pause keeps the more restrictive kind and
/// the later end. The router postpones a held command (<see cref="Holds"/>) after its name, arity and authentication
/// checks, as <c>processCommand</c> does, and the transport keeps it unread in the connection's input buffer.
/// </para>
/// <para>
/// The end is noticed by the transports' timers (<see cref="Tick"/>, run at <c>hz</c>, as Redis's <c>serverCron</c>
/// does), reading <see cref="TimeProvider"/>, so a test moves a fake clock past the end instead of sleeping. When the
/// pause ends or becomes less restrictive, <see cref="Relaxations"/> counts up and the transports run the postponed
/// connections again (Redis's <c>unblockPostponedClients</c>). Only the serving thread touches it.
/// </para>
/// </remarks>
public sealed class ClientPause(TimeProvider time)
{
    private long _endsAt;

    /// <summary>What is held back now; <see cref="ClientPauseKind.Off"/> when nothing is paused.</summary>
    public ClientPauseKind Kind { get; private set; }

    /// <summary>How many times the pause ended or eased; a transport that saw it change runs its postponed connections again.</summary>
    public long Relaxations { get; private set; }

    /// <summary>
    /// <c>CLIENT PAUSE</c>: holds <paramref name="kind"/> until <paramref name="endsAt"/> (Unix milliseconds), or the
    /// more restrictive kind and the later end of a pause already running. An end already passed ends it at once.
    /// </summary>
    public void Pause(long endsAt, ClientPauseKind kind)
    {
        if (Kind == ClientPauseKind.Off)
        {
            Kind = kind;
            _endsAt = endsAt;
        }
        else
        {
            Kind = (ClientPauseKind)Math.Max((int)Kind, (int)kind);
            _endsAt = Math.Max(_endsAt, endsAt);
        }

        Tick();
    }

    /// <summary><c>CLIENT UNPAUSE</c>: ends the pause now.</summary>
    public void Unpause()
    {
        if (Kind != ClientPauseKind.Off)
        {
            End();
        }
    }

    /// <summary>Ends the pause once its end is passed; true while it still holds something.</summary>
    public bool Tick()
    {
        if (Kind != ClientPauseKind.Off && _endsAt < time.GetUnixMilliseconds())
        {
            End();
        }

        return Kind != ClientPauseKind.Off;
    }

    /// <summary>True when a command with <paramref name="spec"/> must wait for the pause to end.</summary>
    public bool Holds(CommandSpec spec) => Kind == ClientPauseKind.All || (Kind == ClientPauseKind.Write && spec.MayReplicate);

    private void End()
    {
        Kind = ClientPauseKind.Off;
        _endsAt = 0;
        Relaxations++;
    }
}
