using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.ReadWrite;

/// <summary>Redis's <c>readwriteCommand</c>: OK on a cluster node, refused otherwise.</summary>
/// <remarks>On a cluster node undoes READONLY, which changes nothing on a master.</remarks>
public sealed class ReadWriteCommandHandler(ClusterState cluster) : IRequestHandler<ReadWriteCommand, Reply>
{
    public ValueTask<Reply> Handle(ReadWriteCommand request, CancellationToken cancellationToken) =>
        new(cluster.Enabled ? Reply.Ok : Errors.ClusterDisabled);
}
