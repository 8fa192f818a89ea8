using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Scripting;

/// <summary>
/// The script that holds the serving thread, as the rest of the server sees it (Redis's <c>curr_run_ctx</c> with
/// <c>scriptInterrupt</c> and <c>scriptKill</c>): past <c>busy-reply-threshold</c> other clients are served between its
/// instructions and refused with <c>-BUSY</c>, and <c>SCRIPT KILL</c> or <c>SHUTDOWN NOSAVE</c> stops it.
/// </summary>
/// <remarks>
/// <para>
/// The engine calls <see cref="Begin"/> and <see cref="End"/> around a run, <see cref="Wrote"/> before a write command
/// the script calls, and <see cref="Interrupt"/> every so many Lua instructions. Until the threshold passes that costs
/// a clock read; after it, each call runs one turn of the transport's loop (<see cref="ServeOthers"/>, Redis's
/// <c>processEventsWhileBlocked</c>) for every connection but the script's caller, whose commands wait.
/// </para>
/// <para>
/// The transport sets <see cref="ServeOthers"/> when it starts: the engine cannot take the transport as a dependency,
/// which runs commands through the router that runs the engine. The blocking transport sets nothing: its one client is
/// the caller, so nobody else can be served, and a script that never ends holds the server until it is stopped.
/// </para>
/// </remarks>
public sealed class RunningScript
{
    private readonly LiveSetting _threshold;
    private readonly TimeProvider _time;
    private long _startedAt;
    private bool _killed;

    // Set once, by SHUTDOWN NOSAVE or by the host stopping (from its own thread): every script stops at its next check.
    private volatile bool _aborted;

    public RunningScript(IServerSettings settings, TimeProvider time)
    {
        _threshold = new LiveSetting(settings, "busy-reply-threshold", 5000);
        _time = time;
    }

    /// <summary>The transport's one non-waiting turn for every connection but the given one; null where none can be served.</summary>
    public Action<ClientSession>? ServeOthers { get; set; }

    /// <summary>
    /// Whether <c>EVAL</c> of this body (or <c>EVALSHA</c> of this digest, the second argument true) counts as
    /// <c>denyoom</c> (Redis's <c>evalGetCommandFlags</c>): set by the engine, which the router cannot take as a
    /// dependency; null where there is none.
    /// </summary>
    public Func<ReadOnlySpan<byte>, bool, bool>? MayGrowMemory { get; set; }

    /// <summary>True while a script runs.</summary>
    public bool IsRunning => Caller is not null;

    /// <summary>
    /// True once the running script is past <c>busy-reply-threshold</c> (Redis's <c>SCRIPT_TIMEDOUT</c>): commands not
    /// flagged <c>allow_busy</c> are refused with <see cref="Errors.BusyScript"/>.
    /// </summary>
    public bool IsBusy { get; private set; }

    /// <summary>The connection that runs the script; null between scripts.</summary>
    public ClientSession? Caller { get; private set; }

    /// <summary>True once the server is going away (<see cref="Abort"/>): every script stops.</summary>
    public bool IsAborted => _aborted;

    /// <summary>True once the script called a write command (Redis's <c>SCRIPT_WRITE_DIRTY</c>): <c>SCRIPT KILL</c> then refuses.</summary>
    public bool HasWritten { get; private set; }

    /// <summary>How long the running script has run, on the server's clock.</summary>
    public long ElapsedMilliseconds => (long)_time.GetElapsedTime(_startedAt).TotalMilliseconds;

    /// <summary>A script starts for <paramref name="caller"/>.</summary>
    public void Begin(ClientSession caller)
    {
        Caller = caller;
        _startedAt = _time.GetTimestamp();
        HasWritten = false;
        IsBusy = false;
        _killed = false;
    }

    /// <summary>The script ended, however it ended.</summary>
    public void End()
    {
        Caller = null;
        IsBusy = false;
        _killed = false;
    }

    /// <summary>The script is about to call a write command.</summary>
    public void Wrote() => HasWritten = true;

    /// <summary>
    /// Redis's <c>scriptInterrupt</c>: nothing before <c>busy-reply-threshold</c>; after it, marks the script busy and
    /// serves the other clients for one turn.
    /// </summary>
    /// <returns>True when the script must stop now (<c>SCRIPT KILL</c>, <c>SHUTDOWN NOSAVE</c>).</returns>
    public bool Interrupt()
    {
        var caller = Caller;
        if (caller is null)
        {
            return false;
        }

        if (_aborted)
        {
            return true;
        }

        if (!IsBusy)
        {
            if (ElapsedMilliseconds < _threshold.Value)
            {
                return false;
            }

            IsBusy = true;
        }

        ServeOthers?.Invoke(caller);
        return _killed || _aborted;
    }

    /// <summary>Redis's <c>scriptKill</c> for <c>SCRIPT KILL</c>: its reply, and the script stops at its next check.</summary>
    public Reply Kill()
    {
        if (!IsRunning)
        {
            return Errors.NotBusy;
        }

        if (HasWritten)
        {
            return Errors.Unkillable;
        }

        _killed = true;
        return Reply.Ok;
    }

    /// <summary>
    /// The server is going away (<c>SHUTDOWN NOSAVE</c>, or the host stopping, which may call this from its own thread):
    /// the running script, and any after it, stops at its next check, busy or not, whatever it wrote.
    /// </summary>
    public void Abort() => _aborted = true;
}
