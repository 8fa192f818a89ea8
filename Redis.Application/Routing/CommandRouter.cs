using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Exec;
using Redis.Application.Propagation;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>
/// Runs one request: finds the command, checks its arity and that the connection may run it, binds it, and sends it
/// through the mediator; inside <c>MULTI</c>, queues it instead.
/// </summary>
/// <remarks>
/// <para>
/// User mistakes (unknown name, wrong arity, bad syntax, out-of-range values) come back as error replies, never
/// as exceptions. An exception out of here is a fault, for the transport to log.
/// </para>
/// <para>
/// Transactions follow Redis's <c>processCommand</c>: a request refused here (unknown name, arity, authentication)
/// marks an open transaction failed (<c>flagTransaction</c>); one that passes is queued with <c>+QUEUED</c>, without
/// binding, unless its spec says it runs at once inside <c>MULTI</c>. Syntax errors therefore surface at <c>EXEC</c>,
/// in its array, as Redis reports them.
/// </para>
/// <para>
/// The command works on the connection's selected database (<see cref="ClientSession.Database"/>), read as it is bound,
/// as Redis's commands work on <c>c->db</c>: the cursor hands that keyspace to the binder, which puts it in the request
/// (ADR 0021). A command queued by <c>MULTI</c> is bound when <c>EXEC</c> runs it, so a <c>SELECT</c> earlier in the
/// transaction moves the ones after it to the new database, as in Redis.
/// </para>
/// </remarks>
public sealed class CommandRouter(CommandTable table, ISender sender, DefaultUser user, ClientPause pause, Databases databases, SlowLog slowLog, ClientRegistry clients, TimeProvider time, IPersistence persistence, CommandPropagation propagation)
{
    /// <summary>Runs <paramref name="args"/> for the connection <paramref name="session"/>.</summary>
    /// <returns>The reply; nothing (default) when a <c>CLIENT PAUSE</c> postponed the command, which sets <see cref="ClientSession.IsPostponed"/>.</returns>
    public Reply Execute(ClientSession session, CommandArgs args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("A request has at least the command name.", nameof(args));
        }

        if (!table.TryFind(args[0], out var binder))
        {
            session.Transaction.FlagQueueingError();
            return Errors.UnknownCommand(args[0], args.ToArrays()[1..]);
        }

        // Redis's processCommand names the command for CLIENT LIST as soon as it is found, before any other check.
        session.LastCommand = binder.Spec.Name;
        if (!binder.Spec.AcceptsArgumentCount(args.Count))
        {
            return Reject(session, binder, binder.Spec.ArityError);
        }

        // Redis's processCommand asks for authentication after the name and arity checks, before the command runs,
        // whichever way the request arrived (RESP or inline).
        // Without requirepass the authentication gate costs this one test per command; CONFIG SET requirepass changes it.
        if (user.RequiresPassword && !binder.Spec.AllowsUnauthenticated && !session.IsAuthenticated)
        {
            return Reject(session, binder, SubcommandError(binder.Spec, args) ?? Errors.NoAuth);
        }

        // Redis's processCommand: no write while the last background save failed and stop-writes-on-bgsave-error holds,
        // or while the append-only file cannot be written. EXEC counts as a write when it queued one, and is refused whole.
        if ((binder.Spec.DeniedOnDiskError || (binder is ExecCommandBinder && session.Transaction.HasQueuedWriteCommand)) &&
            persistence.WritesDenied is { } refusal)
        {
            return Reject(session, binder, refusal);
        }

        // Redis's processCommand: a RESP2 subscriber may only (un)subscribe, PING, QUIT and RESET. One field test for
        // everyone else.
        if (session.InSubscriberMode && !binder.Spec.AllowedInSubscriberMode)
        {
            return Reject(session, binder, SubcommandError(binder.Spec, args) ?? Errors.SubscriberMode(EffectiveSpec(binder.Spec, args).Name));
        }

        // Redis's processCommand: a monitor is marked as a replica, and a replica may not read or write keys. Only a
        // monitor can be one, so everyone else costs the session's field test.
        if (session.IsMonitor && TouchesKeyspace(EffectiveSpec(binder.Spec, args)))
        {
            return Reject(session, binder, Errors.ReplicaKeyspace);
        }

        // Redis's processCommand postpones a paused client here, after every check that answers at once: the
        // transport keeps the request unread and runs it again once the pause ends.
        if (pause.Kind != ClientPauseKind.Off && IsHeld(session, binder))
        {
            session.IsPostponed = true;
            return default;
        }

        if (session.Transaction.InMulti && !binder.Spec.RunsInsideMulti)
        {
            return Queue(session, binder, args);
        }

        return Run(session, binder, args);
    }

    /// <summary>Binds and sends a request whose name and arity are checked: the rest of a command, and what <c>EXEC</c> runs for each queued one.</summary>
    /// <remarks>
    /// Timed here, as Redis's <c>call</c> times <c>c->cmd->proc</c>, so each command <c>EXEC</c> runs is logged on its
    /// own and <c>EXEC</c> itself, flagged <c>skip_slowlog</c>, is not: one timestamp pair per command.
    /// </remarks>
    public Reply Run(ClientSession session, ICommandBinder binder, CommandArgs args)
    {
        ArgumentNullException.ThrowIfNull(binder);
        var started = time.GetTimestamp();
        var reply = propagation.IsActive ? DispatchAndPropagate(session, binder, args) : Dispatch(session, binder, args);
        var microseconds = time.GetElapsedTime(started).Ticks / TimeSpan.TicksPerMicrosecond;
        if (slowLog.IsSlow(microseconds) && !binder.Spec.SkipsSlowLog)
        {
            slowLog.Add(session, args, microseconds, time.GetUtcNow().ToUnixTimeSeconds());
        }

        // Redis's call() feeds the monitors after the command ran, on the database it left selected, unless the command
        // (or its subcommand) is flagged admin or skip_monitor. Nobody monitoring costs this one test.
        if (clients.MonitorCount != 0)
        {
            FeedMonitors(session, binder.Spec, args, reply.ClosesConnection);
        }

        return reply;
    }

    /// <summary>
    /// Redis's <c>call</c> with propagation on: a command flagged <c>write</c> that changed a key goes to the log, on the
    /// database it was bound to, as it was sent or as its handler rewrote it.
    /// </summary>
    private Reply DispatchAndPropagate(ClientSession session, ICommandBinder binder, CommandArgs args)
    {
        var database = session.Database;
        var changes = databases.Changes;
        var outer = propagation.Enter();
        var changed = false;
        try
        {
            var reply = Dispatch(session, binder, args);
            changed = binder.Spec.IsWrite && databases.Changes != changes;
            return reply;
        }
        finally
        {
            propagation.Leave(outer, database, args, changed);
        }
    }

    private Reply Dispatch(ClientSession session, ICommandBinder binder, CommandArgs args)
    {
        var cursor = new ArgCursor(args, session, keyspace: databases[session.Database]);
        var bound = binder.Bind(ref cursor);
        if (bound.Command is null)
        {
            return bound.Error;
        }

        // Handlers complete synchronously (the keyspace is in memory), so this never blocks the serving thread.
        var pending = sender.Send(bound.Command);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <remarks>
    /// A monitor that sent the command itself receives the line before the command's reply (the reply is written
    /// once this returns; Redis's is already in the buffer), and nothing when the reply closes it (<c>QUIT</c>: Redis
    /// adds nothing to a client closing after its reply).
    /// </remarks>
    private void FeedMonitors(ClientSession session, CommandSpec spec, CommandArgs args, bool closing)
    {
        var effective = EffectiveSpec(spec, args);
        if (effective.SkipsMonitor)
        {
            return;
        }

        var line = Commands.Monitor.MonitorLine.Format(session, spec, args, time.GetUtcNow());
        foreach (var monitor in clients.Monitors)
        {
            if (!(closing && ReferenceEquals(monitor, session)))
            {
                monitor.Connection?.Deliver(line);
            }
        }
    }

    /// <summary>
    /// Redis's <c>c->cmd</c>: the subcommand's spec for a container command, the command's otherwise; its name is
    /// <c>c->cmd->fullname</c> (<c>client|list</c>).
    /// </summary>
    private static CommandSpec EffectiveSpec(CommandSpec spec, CommandArgs args) =>
        spec.Subcommands.Count > 0 && args.Count >= 2 ? spec.FindSubcommand(args[1]) ?? spec : spec;

    /// <summary>Redis's <c>is_read_command || is_write_command || is_may_replicate_command</c>.</summary>
    private static bool TouchesKeyspace(CommandSpec spec) =>
        spec.MayReplicate || spec.Flags.Contains("readonly");

    /// <summary>
    /// Whether the pause holds the command; <c>EXEC</c> counts as a write when its queue holds one, as Redis's
    /// <c>is_may_replicate_command</c> reads the transaction's <c>mstate.cmd_flags</c>.
    /// </summary>
    private bool IsHeld(ClientSession session, ICommandBinder binder) =>
        pause.Holds(binder.Spec) ||
        (pause.Kind == ClientPauseKind.Write && binder is ExecCommandBinder && session.Transaction.HasQueuedWrite);

    /// <summary>
    /// Redis's <c>rejectCommand</c> for a command it found: the refusal fails an open transaction, and when the refused
    /// command is <c>EXEC</c> itself, the transaction is discarded and the error is wrapped in <c>EXECABORT</c>
    /// (<c>execCommandAbort</c>), even outside MULTI.
    /// </summary>
    private static Reply Reject(ClientSession session, ICommandBinder binder, Reply error)
    {
        if (binder is ExecCommandBinder)
        {
            session.Transaction.Discard();
            return Errors.ExecAbortBecause(error);
        }

        session.Transaction.FlagQueueingError();
        return error;
    }

    /// <summary>
    /// Redis's <c>queueMultiCommand</c>, after the checks <c>processCommand</c> makes of every request: a container's
    /// unknown subcommand or its arity is refused now, and fails the transaction, because Redis looks subcommands up
    /// with the command.
    /// </summary>
    private static Reply Queue(ClientSession session, ICommandBinder binder, CommandArgs args)
    {
        if (binder.Spec.DeniedInMulti)
        {
            session.Transaction.FlagQueueingError();
            return Errors.NotAllowedInMulti;
        }

        if (SubcommandError(binder.Spec, args) is { } error)
        {
            session.Transaction.FlagQueueingError();
            return error;
        }

        session.Transaction.Queue(binder, args);
        return Reply.Queued;
    }

    /// <summary>
    /// The error for a container command that names an unknown subcommand or gives it the wrong number of
    /// arguments, which Redis finds as it looks the command up, before authentication and queueing; null otherwise.
    /// </summary>
    private static Reply? SubcommandError(CommandSpec spec, CommandArgs args) =>
        spec.Subcommands.Count > 0 && args.Count >= 2 ? spec.SubcommandError(args[1], args.Count, out _) : null;
}
