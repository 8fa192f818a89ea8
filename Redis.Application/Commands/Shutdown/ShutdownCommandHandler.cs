using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Shutdown;

/// <summary>Redis's <c>shutdownCommand</c> and <c>prepareForShutdown</c> on a server that persists nothing.</summary>
/// <remarks>
/// Without save points a plain <c>SHUTDOWN</c> (or <c>NOSAVE</c>) saves nothing and stops; the client gets no reply, only
/// the closed connection, as redis-cli expects. <c>SAVE</c> asks for a snapshot this server cannot write: it fails as
/// Redis fails when <c>rdbSave</c> does, unless <c>FORCE</c>. A shutdown never stays in progress, so <c>ABORT</c> always
/// finds none.
/// </remarks>
public sealed class ShutdownCommandHandler(IServerLifetime lifetime) : IRequestHandler<ShutdownCommand, Reply>
{
    public ValueTask<Reply> Handle(ShutdownCommand request, CancellationToken cancellationToken)
    {
        if (request.Abort)
        {
            return new(Errors.NoShutdownInProgress);
        }

        if (request.Save && !request.Force)
        {
            return new(Errors.ShutdownFailed);
        }

        // Nothing this connection sent after SHUTDOWN runs, and its reply is never sent: the server is going away.
        request.Session.CloseAfterReply = true;
        request.Session.CloseReason = "the server is shutting down (SHUTDOWN)";
        request.Session.DropReply();
        lifetime.RequestShutdown();
        return new(Reply.Ok);
    }
}
