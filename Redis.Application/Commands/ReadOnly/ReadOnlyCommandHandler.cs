using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.ReadOnly;

/// <summary>Redis's <c>readonlyCommand</c>: OK on a cluster node, refused otherwise.</summary>
/// <remarks>On a cluster node a replica would serve reads; this server's nodes are all masters, which serve reads anyway.</remarks>
public sealed class ReadOnlyCommandHandler(ClusterState cluster) : IRequestHandler<ReadOnlyCommand, Reply>
{
    public ValueTask<Reply> Handle(ReadOnlyCommand request, CancellationToken cancellationToken) =>
        new(cluster.Enabled ? Reply.Ok : Errors.ClusterDisabled);
}
