using Mediator;
using Redis.Application.Replication;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Wait;

/// <summary>
/// Redis's <c>waitCommand</c>: the number of replicas that acknowledged the stream up to the master's offset now,
/// at once when enough did or the connection may not block (the one-client transport, inside <c>MULTI</c>); otherwise
/// the connection waits until enough do or the timeout passes, and then answers how many did. A replica refuses.
/// </summary>
/// <remarks>
/// Redis waits for the offset of the connection's own last write (<c>c->woff</c>); this waits for the master's offset
/// when WAIT runs, which is the same for a client that just wrote and at most later for one that did not.
/// </remarks>
public sealed class WaitCommandHandler(ReplicationState replication) : IRequestHandler<WaitCommand, Reply>
{
    public ValueTask<Reply> Handle(WaitCommand request, CancellationToken cancellationToken)
    {
        if (replication.Role == ReplicationRole.Replica)
        {
            return new(Errors.WaitOnReplica);
        }

        var session = request.Session;
        var target = replication.Offset;
        var acks = replication.CountAcks(target);
        if (acks >= request.NumReplicas || !session.MayBlock || session.Transaction.InMulti)
        {
            return new(Reply.Integer(acks));
        }

        replication.Wait(session, target, request.NumReplicas, request.Timeout);
        return new(default(Reply));
    }
}
