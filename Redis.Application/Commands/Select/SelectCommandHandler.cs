using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Select;

/// <summary>Selects a database for the connection (<c>db=</c> in <c>CLIENT LIST</c>); an index outside <c>databases</c> is out of range.</summary>
/// <remarks>
/// Redis checks the index in <c>selectDb</c>, the switch itself, so the check lives with the switch: here, where the
/// set of databases is known, not in a validator.
/// </remarks>
public sealed class SelectCommandHandler(Databases databases, ClusterState cluster) : IRequestHandler<SelectCommand, Reply>
{
    public ValueTask<Reply> Handle(SelectCommand request, CancellationToken cancellationToken)
    {
        // selectCommand: a cluster node has database 0 only.
        if (cluster.Enabled && request.Index != 0)
        {
            return new(Errors.SelectInClusterMode);
        }

        if (!databases.Contains(request.Index))
        {
            return new(Errors.DbIndexOutOfRange);
        }

        request.Session.Database = request.Index;
        return new(Reply.Ok);
    }
}
