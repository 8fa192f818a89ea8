using System.Globalization;
using System.Text;
using Mediator;
using Redis.Application.Replication;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.PSync;

/// <summary>
/// Redis's <c>syncCommand</c>: the connection becomes a replica. <c>PSYNC</c> of this server's history from an offset
/// the backlog still holds continues there (<c>+CONTINUE</c>, then the missing bytes); anything else is a full
/// synchronisation: <c>+FULLRESYNC id offset</c> (none for <c>SYNC</c>), then, once written from a point-in-time
/// snapshot taken now, the RDB as <c>$length</c> and its bytes, then the stream from that offset on.
/// </summary>
/// <remarks>
/// The replies go out through the connection's out-of-band path, in order with the stream that follows them; the
/// connection's ordinary replies are off from here on, as Redis answers a replica nothing.
/// </remarks>
public sealed class PSyncCommandHandler(ReplicationState replication) : IRequestHandler<PSyncCommand, Reply>
{
    public ValueTask<Reply> Handle(PSyncCommand request, CancellationToken cancellationToken)
    {
        var session = request.Session;
        if (session.IsReplica)
        {
            // Redis ignores SYNC and PSYNC from a connection that is already a replica.
            session.DropReply();
            return new(Reply.Ok);
        }

        if (replication.Links is not { Supported: true } links || session.Connection is not { } connection)
        {
            return new(Errors.ReplicationNeedsEventLoop);
        }

        if (replication.Role == ReplicationRole.Replica && replication.LinkState != MasterLinkState.Connected)
        {
            return new(Errors.CannotSyncWithoutMaster);
        }

        var address = session.ReplicaAnnouncedAddress ?? Host(session.RemoteAddress);
        if (request.ReplicationId is { } id && replication.TryContinue(id, request.Offset, out var missing))
        {
            var header = session.ReplicaSupportsPsync2 ? "+CONTINUE " + replication.ReplicationId + "\r\n" : "+CONTINUE\r\n";
            connection.Deliver(Reply.Raw(Encoding.ASCII.GetBytes(header)));
            connection.Deliver(Reply.Raw(missing));
            replication.Attach(session, address, session.ReplicaListeningPort, continueFrom: request.Offset);
            session.DropReply();
            return new(Reply.Ok);
        }

        var replica = replication.Attach(session, address, session.ReplicaListeningPort);
        if (request.ReplicationId is not null)
        {
            connection.Deliver(Reply.Raw(Encoding.ASCII.GetBytes(
                "+FULLRESYNC " + replication.ReplicationId + " " + replication.Offset.ToString(CultureInfo.InvariantCulture) + "\r\n")));
        }

        links.WriteSnapshot(rdb => replication.SendSnapshot(replica, rdb));
        session.DropReply();
        return new(Reply.Ok);
    }

    /// <summary>The IP of an <c>ip:port</c> address, as Redis's <c>replicationGetSlaveName</c> shows it.</summary>
    private static string Host(string? remote)
    {
        if (remote is null)
        {
            return "?";
        }

        var colon = remote.LastIndexOf(':');
        var host = colon > 0 ? remote[..colon] : remote;
        return host.Trim('[', ']');
    }
}
