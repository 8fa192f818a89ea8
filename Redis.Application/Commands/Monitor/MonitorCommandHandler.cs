using Mediator;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Monitor;

/// <summary>
/// Redis's <c>monitorCommand</c>: a connection inside a transaction may not monitor (Redis counts it as a
/// <c>CLIENT_DENY_BLOCKING</c> client, so <c>MONITOR</c> queued in <c>MULTI</c> fails inside <c>EXEC</c>'s array); a
/// connection that already monitors gets no reply at all; any other joins the monitors and gets <c>+OK</c>.
/// </summary>
public sealed class MonitorCommandHandler(ClientRegistry clients) : IRequestHandler<MonitorCommand, Reply>
{
    public ValueTask<Reply> Handle(MonitorCommand request, CancellationToken cancellationToken)
    {
        var session = request.Session;
        if (session.Transaction.InMulti)
        {
            return new(Errors.MonitorDenyBlocking);
        }

        if (session.IsMonitor)
        {
            session.DropReply();
            return new(Reply.Ok);
        }

        clients.AddMonitor(session);
        return new(Reply.Ok);
    }
}
