using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Cluster;
using Redis.Application.Commands.Exec;
using Redis.Application.Propagation;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Replies;
using Redis.Application.Replication;
using Redis.Application.Scripting;
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
public sealed class CommandRouter(CommandTable table, ISender sender, DefaultUser user, ClientPause pause, RunningScript script, Databases databases, SlowLog slowLog, ClientRegistry clients, TimeProvider time, IPersistence persistence, CommandPropagation propagation, ErrorStatistics errors, MemoryLimit memory, ReplicationState replication, ClusterRouting? cluster = null)
{
    // Null unless cluster-enabled: the router's cluster check is then this one field test.
    private readonly ClusterRouting? _cluster = cluster is { Enabled: true } ? cluster : null;

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
            return Refuse(session, Errors.UnknownCommand(args[0], args.ToArrays()[1..]));
        }

        // Redis's processCommand names the command for CLIENT LIST as soon as it is found, before any other check.
        var spec = binder.Spec;
        session.LastCommand = spec.Name;
        if (!spec.AcceptsArgumentCount(args.Count))
        {
            return Reject(session, binder, spec.Counters, spec.ArityError);
        }

        // Redis's lookupCommand finds a container's subcommand with the command (c->cmd is client|list), so an unknown
        // one is refused as an unknown command is, counted for no command, and a wrong arity for the subcommand, before
        // authentication, queueing or anything else. Other commands cost the one field test.
        var effective = spec;
        var counters = spec.Counters;
        if (spec.IsContainer && args.Count >= 2)
        {
            var index = spec.FindSubcommandIndex(args[1]);
            if (index < 0)
            {
                return Refuse(session, Errors.UnknownSubcommand(args[1], spec.Name));
            }

            (effective, counters) = (spec.Subcommands[index], counters.Subcommands[index]);
            if (!effective.AcceptsArgumentCount(args.Count))
            {
                return Reject(session, binder, counters, effective.ArityError);
            }
        }

        // Redis's processCommand asks for authentication after the name and arity checks, before the command runs,
        // whichever way the request arrived (RESP or inline).
        // Without requirepass the authentication gate costs this one test per command; CONFIG SET requirepass changes it.
        if (user.RequiresPassword && !spec.AllowsUnauthenticated && !session.IsAuthenticated)
        {
            return Reject(session, binder, counters, Errors.NoAuth);
        }

        // Redis's processCommand: on a cluster node, a command with keys runs only where its slot is served (getNodeByQuery).
        // A refused EXEC discards its transaction and answers the redirection itself, not EXECABORT.
        if (_cluster is not null && _cluster.TryRedirect(session, binder, effective, args, out var redirect))
        {
            if (binder is not ExecCommandBinder)
            {
                return Reject(session, binder, counters, redirect);
            }

            counters.RejectedCalls++;
            session.Transaction.Discard();
            return Counted(redirect);
        }

        // Redis's processCommand: with maxmemory set, evict before every command (not while a script yields to other
        // clients), then refuse one that may grow memory if still over: a denyoom command, EXEC of a queue holding one,
        // and inside MULTI anything but EXEC, DISCARD, QUIT and RESET. A replica ignores the limit (replica-ignore-maxmemory):
        // its master's stream decides what it holds. No limit costs the one field test.
        if (memory.Limit != 0 && !script.IsBusy && replication.Role == ReplicationRole.Master)
        {
            var outOfMemory = memory.PerformEvictions() == EvictionResult.Fail;
            memory.OutOfMemoryBeforeCommand = outOfMemory;
            if (outOfMemory && (RefusedOnOutOfMemory(session, binder, effective) || ScriptMayGrowMemory(binder.Spec, args)))
            {
                return Reject(session, binder, counters, Errors.OutOfMemory);
            }
        }

        // Redis's processCommand: no write while the last background save failed and stop-writes-on-bgsave-error holds,
        // or while the append-only file cannot be written. EXEC counts as a write when it queued one, and is refused whole.
        if ((binder.Spec.DeniedOnDiskError || (binder is ExecCommandBinder && session.Transaction.HasQueuedWriteCommand)) &&
            persistence.WritesDenied is { } refusal)
        {
            return Reject(session, binder, counters, refusal);
        }

        // Redis's processCommand: a read-only replica refuses writes from anyone but its master; EXEC counts as a write
        // when it queued one. A master costs the one field test.
        if (replication.RefusesWrites && !session.IsMaster &&
            (effective.IsWrite || (binder is ExecCommandBinder && session.Transaction.HasQueuedWriteCommand)))
        {
            return Reject(session, binder, counters, Errors.ReadOnlyReplica);
        }

        // Redis's processCommand: a RESP2 subscriber may only (un)subscribe, PING, QUIT and RESET. One field test for
        // everyone else.
        if (session.InSubscriberMode && !spec.AllowedInSubscriberMode)
        {
            return Reject(session, binder, counters, Errors.SubscriberMode(effective.Name));
        }

        // Redis's processCommand: a monitor is marked as a replica, and a replica may not read or write keys. Only a
        // monitor can be one, so everyone else costs the session's field test.
        if (session.IsMonitor && TouchesKeyspace(effective))
        {
            return Reject(session, binder, counters, Errors.ReplicaKeyspace);
        }

        // Redis's processCommand: while a script runs past busy-reply-threshold, the transport serves the other clients
        // between its instructions, and only allow_busy commands run. One field test otherwise.
        if (script.IsBusy && !effective.AllowedWhileBusy)
        {
            return Reject(session, binder, counters, Errors.BusyScript);
        }

        // Redis's processCommand postpones a paused client here, after every check that answers at once: the
        // transport keeps the request unread and runs it again once the pause ends.
        if (pause.Kind != ClientPauseKind.Off && IsHeld(session, binder))
        {
            session.IsPostponed = true;
            return default;
        }

        if (session.Transaction.InMulti && !spec.RunsInsideMulti)
        {
            return Queue(session, binder, counters, args);
        }

        return Call(session, binder, counters, args);
    }

    /// <summary>Binds and sends a request whose name and arity are checked: the rest of a command, and what <c>EXEC</c> runs for each queued one.</summary>
    /// <remarks>
    /// Timed here, as Redis's <c>call</c> times <c>c->cmd->proc</c>, so each command <c>EXEC</c> runs is logged on its
    /// own and <c>EXEC</c> itself, flagged <c>skip_slowlog</c>, is not: one timestamp pair per command.
    /// </remarks>
    public Reply Run(ClientSession session, ICommandBinder binder, CommandArgs args)
    {
        ArgumentNullException.ThrowIfNull(binder);
        var spec = binder.Spec;
        var counters = spec.IsContainer && args.Count >= 2 && spec.FindSubcommandIndex(args[1]) is >= 0 and var index
            ? spec.Counters.Subcommands[index]
            : spec.Counters;
        return Call(session, binder, counters, args);
    }

    /// <summary>Redis's <c>call()</c>: runs the command, times it, and counts it in <paramref name="counters"/>.</summary>
    /// <remarks>
    /// The counters follow Redis's <c>call()</c>: <c>calls</c> and the time for every run, <c>failed_calls</c> when an
    /// error reply was counted while it ran (<see cref="ErrorStatistics.CountedSinceLastCall"/>). A blocking command
    /// the transport runs again once its wait ends (<see cref="ClientSession.Block"/> set on entry) adds its time and
    /// its failure but not a call: Redis counts the call when the command first runs, and its reply on unblocking
    /// (<c>updateStatsOnUnblock</c>).
    /// </remarks>
    private Reply Call(ClientSession session, ICommandBinder binder, CommandCounters counters, CommandArgs args)
    {
        var resumed = session.Block is not null;
        errors.CountedSinceLastCall();
        var started = time.GetTimestamp();
        var reply = propagation.IsActive ? DispatchAndPropagate(session, binder, args) : Dispatch(session, binder, args);
        var elapsed = time.GetElapsedTime(started);
        var microseconds = elapsed.Ticks / TimeSpan.TicksPerMicrosecond;
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

        errors.Count(reply);
        if (errors.CountedSinceLastCall())
        {
            counters.FailedCalls++;
        }

        counters.Calls += resumed ? 0 : 1;
        counters.ElapsedTicks += elapsed.Ticks;
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

    /// <summary>Redis's <c>reject_cmd_on_oom</c>: <c>is_denyoom_command</c>, or any command queued inside <c>MULTI</c>.</summary>
    private static bool RefusedOnOutOfMemory(ClientSession session, ICommandBinder binder, CommandSpec effective) =>
        effective.DeniedOnOutOfMemory || binder.Spec.DeniedOnOutOfMemory ||
        (binder is ExecCommandBinder && session.Transaction.HasQueuedDenyOom) ||
        (session.Transaction.InMulti && binder.Spec.Name is not ("exec" or "discard" or "quit" or "reset"));

    /// <summary>Redis's <c>getCommandFlags</c> for the script commands: a script declaring writes without <c>allow-oom</c> is <c>denyoom</c>.</summary>
    private bool ScriptMayGrowMemory(CommandSpec spec, CommandArgs args) =>
        spec.Name is "eval" or "evalsha" or "eval_ro" or "evalsha_ro" && args.Count >= 2 &&
        script.MayGrowMemory is { } mayGrow && mayGrow(args[1], spec.Name.StartsWith("evalsha", StringComparison.Ordinal));

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
    /// Redis's <c>rejectCommand</c> for a command it found: the refusal counts as the command's <c>rejected_calls</c>,
    /// fails an open transaction, and when the refused command is <c>EXEC</c> itself, the transaction is discarded and
    /// the error is wrapped in <c>EXECABORT</c> (<c>execCommandAbort</c>), even outside MULTI.
    /// </summary>
    private Reply Reject(ClientSession session, ICommandBinder binder, CommandCounters counters, Reply error)
    {
        counters.RejectedCalls++;
        if (binder is ExecCommandBinder)
        {
            session.Transaction.Discard();
            return Counted(Errors.ExecAbortBecause(error));
        }

        return Refuse(session, error);
    }

    /// <summary>Redis's <c>rejectCommand</c> without a command (<c>c->cmd</c> is null): the error fails an open transaction, and counts for no command.</summary>
    private Reply Refuse(ClientSession session, Reply error)
    {
        session.Transaction.FlagQueueingError();
        return Counted(error);
    }

    /// <summary>Counts an error reply that no command's run produced (Redis's <c>afterErrorReply</c>).</summary>
    private Reply Counted(Reply error)
    {
        errors.Count(error);
        return error;
    }

    /// <summary>
    /// Redis's <c>queueMultiCommand</c>, after the checks <c>processCommand</c> makes of every request (the subcommand's
    /// were made with the command's), and its refusal of a <c>no_multi</c> command.
    /// </summary>
    private Reply Queue(ClientSession session, ICommandBinder binder, CommandCounters counters, CommandArgs args)
    {
        if (binder.Spec.DeniedInMulti)
        {
            return Reject(session, binder, counters, Errors.NotAllowedInMulti);
        }

        session.Transaction.Queue(binder, args);
        return Reply.Queued;
    }
}
