using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Application.Scripting;
using Redis.Protocol;

namespace Redis.Application.Commands.Shutdown;

/// <summary>Redis's <c>shutdownCommand</c> and <c>prepareForShutdown</c>.</summary>
/// <remarks>
/// A background save in progress is stopped; then the snapshot is written when <c>SAVE</c> asks, or when save points
/// are set and <c>NOSAVE</c> does not forbid it. If that save fails the server stays up and says so, unless
/// <c>FORCE</c>. Otherwise the client gets no reply, only the closed connection, as redis-cli expects. A shutdown
/// never stays in progress (there are no replicas to wait for), so <c>ABORT</c> always finds none. While a script runs
/// past <c>busy-reply-threshold</c> only <c>NOSAVE</c> is accepted, and it stops the script where it is: what the script
/// wrote so far stays in memory and in the append-only file, not in a snapshot.
/// </remarks>
public sealed class ShutdownCommandHandler(IServerLifetime lifetime, IPersistence persistence, RunningScript script) : IRequestHandler<ShutdownCommand, Reply>
{
    public ValueTask<Reply> Handle(ShutdownCommand request, CancellationToken cancellationToken)
    {
        if (request.Abort)
        {
            return new(Errors.NoShutdownInProgress);
        }

        if (script.IsBusy && request.Save != ShutdownSave.NoSave)
        {
            return new(Errors.BusyScript);
        }

        if (!persistence.PrepareForShutdown(request.Save) && !request.Force)
        {
            return new(Errors.ShutdownFailed);
        }

        // Nothing this connection sent after SHUTDOWN runs, and its reply is never sent: the server is going away.
        request.Session.CloseAfterReply = true;
        request.Session.CloseReason = "the server is shutting down (SHUTDOWN)";
        request.Session.DropReply();
        lifetime.RequestShutdown();
        script.Abort();
        return new(Reply.Ok);
    }
}
