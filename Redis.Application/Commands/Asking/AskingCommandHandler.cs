using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Asking;

/// <summary>Redis's <c>askingCommand</c>: OK on a cluster node, refused otherwise.</summary>
/// <remarks>On a cluster node the next command may use a slot being imported; no slot is ever imported here, so it changes nothing.</remarks>
public sealed class AskingCommandHandler(ClusterState cluster) : IRequestHandler<AskingCommand, Reply>
{
    public ValueTask<Reply> Handle(AskingCommand request, CancellationToken cancellationToken) =>
        new(cluster.Enabled ? Reply.Ok : Errors.ClusterDisabled);
}
