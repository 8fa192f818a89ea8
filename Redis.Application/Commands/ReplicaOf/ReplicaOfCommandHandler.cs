using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Replication;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.ReplicaOf;

/// <summary>
/// Redis's <c>replicaofCommand</c>: <c>NO ONE</c> turns a replica into a master (keeping its data); a host and port
/// make this server a replica of that master (not in cluster mode, where replicas are not served), which then sends its data; the same master again answers
/// <c>+OK Already connected to specified master</c>. A replica's own connection may not ask.
/// </summary>
public sealed class ReplicaOfCommandHandler(ReplicationState replication, ClusterState cluster) : IRequestHandler<ReplicaOfCommand, Reply>
{
    private static readonly Reply AlreadyConnected = Reply.Simple("OK Already connected to specified master");

    public ValueTask<Reply> Handle(ReplicaOfCommand request, CancellationToken cancellationToken)
    {
        if (cluster.Enabled)
        {
            return new(Errors.ReplicaOfInClusterMode);
        }

        if (request.Host is null)
        {
            replication.BecomeMaster();
            return new(Reply.Ok);
        }

        if (request.Session.IsReplica)
        {
            return new(Errors.ReplicaCannotReplicaOf);
        }

        if (replication.Links is not { Supported: true })
        {
            return new(Errors.ReplicationNeedsEventLoop);
        }

        return new(replication.BecomeReplicaOf(request.Host, request.Port) ? Reply.Ok : AlreadyConnected);
    }
}
