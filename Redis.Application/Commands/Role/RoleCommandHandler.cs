using System.Globalization;
using Mediator;
using Redis.Application.Replication;
using Redis.Protocol;

namespace Redis.Application.Commands.Role;

/// <summary>
/// Redis's <c>roleCommand</c>: a master answers <c>master</c>, its offset, and each online replica as three bulk
/// strings (ip, port, acknowledged offset); a replica answers <c>slave</c>, its master's host and port, the link's
/// state (<c>connect</c>, <c>connecting</c>, <c>sync</c>, <c>connected</c>) and its offset, -1 while it has no master link.
/// </summary>
public sealed class RoleCommandHandler(ReplicationState replication) : IRequestHandler<RoleCommand, Reply>
{
    public ValueTask<Reply> Handle(RoleCommand request, CancellationToken cancellationToken)
    {
        if (replication.Role == ReplicationRole.Master)
        {
            var replicas = replication.Replicas
                .Where(r => r.State == ReplicaState.Online)
                .Select(r => Reply.Array(
                [
                    Reply.Bulk(r.Address),
                    Reply.Bulk(Text(r.ListeningPort)),
                    Reply.Bulk(Text(r.AckOffset)),
                ]))
                .ToArray();
            return new(Reply.Array([Reply.Bulk("master"), Reply.Integer(replication.Offset), Reply.Array(replicas)]));
        }

        return new(Reply.Array(
        [
            Reply.Bulk("slave"),
            Reply.Bulk(replication.MasterHost!),
            Reply.Integer(replication.MasterPort),
            Reply.Bulk(StateName(replication.LinkState)),
            Reply.Integer(replication.Master is null ? -1 : replication.Offset),
        ]));
    }

    /// <summary>The names Redis's <c>roleCommand</c> gives <c>repl_state</c>.</summary>
    public static string StateName(MasterLinkState state) => state switch
    {
        MasterLinkState.Connecting => "connecting",
        MasterLinkState.Transfer => "sync",
        MasterLinkState.Connected => "connected",
        _ => "connect",
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
