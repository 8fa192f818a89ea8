using System.Text;
using Mediator;
using Redis.Application.Replication;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.ReplConf;

/// <summary>
/// Redis's <c>replconfCommand</c>: <c>listening-port</c>, <c>ip-address</c> and <c>capa</c> are kept on the connection
/// for its <c>PSYNC</c>; <c>ACK offset</c> from a replica records its progress and is never answered; <c>GETACK</c>
/// from this server's master is answered with <c>REPLCONF ACK offset</c>, even though the master's commands get no
/// replies. Anything else is <c>Unrecognized REPLCONF option</c>.
/// </summary>
public sealed class ReplConfCommandHandler(ReplicationState replication) : IRequestHandler<ReplConfCommand, Reply>
{
    /// <summary>Redis's <c>NET_HOST_STR_LEN</c>: the longest address a replica may announce.</summary>
    private const int MaxAddressLength = 256;

    public ValueTask<Reply> Handle(ReplConfCommand request, CancellationToken cancellationToken)
    {
        var session = request.Session;
        var pairs = request.Pairs;
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var (option, value) = (Encoding.UTF8.GetString(pairs[i]).ToLowerInvariant(), pairs[i + 1]);
            switch (option)
            {
                case "listening-port":
                    if (!RedisInteger.TryParse(value, out var port))
                    {
                        return new(Errors.NotAnInteger);
                    }

                    session.ReplicaListeningPort = (int)Math.Clamp(port, int.MinValue, int.MaxValue);
                    break;
                case "ip-address":
                    if (value.Length >= MaxAddressLength)
                    {
                        return new(Errors.ReplicaAddressTooLong(value.Length));
                    }

                    session.ReplicaAnnouncedAddress = Encoding.UTF8.GetString(value);
                    break;
                case "capa":
                    if (Ascii.EqualsIgnoreCase(value, "psync2"u8))
                    {
                        session.ReplicaSupportsPsync2 = true;
                    }

                    break;
                case "ack":
                    if (session.IsReplica && RedisInteger.TryParse(value, out var offset))
                    {
                        replication.Acknowledge(session, offset);
                    }

                    session.DropReply();
                    return new(Reply.Ok);
                case "getack":
                    if (session.IsMaster)
                    {
                        session.Connection?.Deliver(Reply.Raw(replication.AckCommand()));
                    }

                    session.DropReply();
                    return new(Reply.Ok);
                default:
                    return new(Errors.UnrecognizedReplConfOption(pairs[i]));
            }
        }

        return new(Reply.Ok);
    }
}
