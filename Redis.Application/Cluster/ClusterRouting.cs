using Redis.Application.Commands.Exec;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Domain.Cluster;
using Redis.Protocol;

namespace Redis.Application.Cluster;

/// <summary>
/// Redis's <c>getNodeByQuery</c>, asked by the router before a command with keys runs on a cluster node: every key in
/// one slot, that slot served, by this node, while the cluster is up; or the redirection or error that says otherwise.
/// </summary>
/// <remarks>
/// <c>EXEC</c> is asked about every command it queued, together: one transaction, one slot. A command without keys is
/// never redirected, as in Redis. Reads the published <see cref="ClusterView"/>: no lock.
/// </remarks>
public sealed class ClusterRouting(ClusterState state)
{
    // The key positions of the command being routed, reused: the router asks for every command with keys.
    private readonly List<int> _positions = [];

    /// <summary><c>cluster-enabled</c>: the router asks <see cref="TryRedirect"/> only then.</summary>
    public bool Enabled => state.Enabled;

    /// <summary>False when this node serves the request; else true with the error to answer (<c>-MOVED</c>, <c>-CROSSSLOT</c>, <c>-CLUSTERDOWN</c>).</summary>
    public bool TryRedirect(ClientSession session, ICommandBinder binder, CommandSpec effective, CommandArgs args, out Reply error)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(effective);
        error = default;
        var exec = binder is ExecCommandBinder;
        if (!exec && !effective.HasKeys)
        {
            return false;
        }

        var slot = -1;
        var isWrite = effective.IsWrite;
        if (exec)
        {
            if (!session.Transaction.InMulti)
            {
                return false;
            }

            foreach (var queued in session.Transaction.Queued)
            {
                var spec = queued.Binder.Spec;
                var queuedEffective = spec.IsContainer && queued.Args.Count >= 2 ? spec.FindSubcommand(queued.Args[1]) ?? spec : spec;
                isWrite |= queuedEffective.IsWrite;
                if (!SameSlot(queuedEffective, queued.Args, ref slot))
                {
                    error = Errors.CrossSlot;
                    return true;
                }
            }
        }
        else if (!SameSlot(effective, args, ref slot))
        {
            error = Errors.CrossSlot;
            return true;
        }

        if (slot < 0)
        {
            return false;
        }

        var view = state.View;
        var owner = view.OwnerOf(slot);
        if (owner is null)
        {
            error = Errors.SlotNotServed;
            return true;
        }

        // getNodeByQuery: while the cluster is down nothing is served, or only reads with cluster-allow-reads-when-down.
        if (!view.IsOk)
        {
            if (!state.AllowReadsWhenDown)
            {
                error = Errors.ClusterDown;
                return true;
            }

            if (isWrite)
            {
                error = Errors.ClusterDownReadOnly;
                return true;
            }
        }

        if (!owner.IsMyself)
        {
            error = Errors.Moved(slot, owner.Ip, owner.Port);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Redis's <c>scriptVerifyClusterState</c> for a command a script calls: its keys must be served here, while the
    /// cluster is up, in the slot of the script's earlier keys (<paramref name="scriptSlot"/>: the declared keys', or
    /// the first one it touched; -1 before any). Null when the call may run.
    /// </summary>
    public Reply? ScriptCallError(CommandSpec effective, CommandArgs args, ref int scriptSlot)
    {
        ArgumentNullException.ThrowIfNull(effective);
        var slot = -1;
        var sameSlot = SameSlot(effective, args, ref slot);
        if (sameSlot && slot < 0)
        {
            return null;
        }

        var view = state.View;
        var owner = sameSlot ? view.OwnerOf(slot) : null;
        if (owner is not null && !view.IsOk)
        {
            return state.AllowReadsWhenDown
                ? effective.IsWrite ? Errors.ScriptClusterDownReadOnly : null
                : Errors.ScriptClusterDown;
        }

        if (owner is null || !owner.IsMyself)
        {
            return Errors.ScriptNonLocalKey;
        }

        if (scriptSlot >= 0 && scriptSlot != slot)
        {
            return Errors.ScriptCrossSlot;
        }

        scriptSlot = slot;
        return null;
    }

    /// <summary>
    /// Folds the keys of one command into the request's slot: false when a key hashes elsewhere. A refused key count
    /// (a bad <c>numkeys</c>) names no key here; the command's own binder reports it.
    /// </summary>
    private bool SameSlot(CommandSpec spec, CommandArgs args, ref int slot)
    {
        if (!spec.HasKeys || !spec.TryGetKeyPositions(args, _positions))
        {
            return true;
        }

        foreach (var position in _positions)
        {
            var keySlot = HashSlot.Of(args[position]);
            if (slot >= 0 && keySlot != slot)
            {
                return false;
            }

            slot = keySlot;
        }

        return true;
    }
}
