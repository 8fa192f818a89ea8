using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Protocol;

namespace Redis.Application.Commands.Debug;

/// <summary>
/// Redis's <c>debugCommand</c> for <c>RELOAD</c> and <c>LOADAOF</c>, behind <c>enable-debug-command</c> as Redis 7.0 guards its protected
/// commands: refused unless it is <c>yes</c>, or <c>local</c> and the client is on a loopback address.
/// </summary>
public sealed class DebugCommandHandler(IPersistence persistence, IAppendOnlyFile appendOnly, IServerSettings settings, TimeProvider time) : IRequestHandler<DebugCommand, Reply>
{
    private static readonly Reply NotManual = Reply.Error("ERR the server runs on the machine's clock: start it with --clock manual to move it");

    private static readonly Reply NotAllowed = Reply.Error(
        "ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.");

    public ValueTask<Reply> Handle(DebugCommand request, CancellationToken cancellationToken)
    {
        var allowed = settings.GetString("enable-debug-command", "no") switch
        {
            "yes" => true,
            "local" => IsLoopback(request.Session.RemoteAddress),
            _ => false,
        };
        if (!allowed)
        {
            return new(NotAllowed);
        }

        if (request.Error is { } error)
        {
            return new(error);
        }

        if (request.ClockAdvance is { } advance)
        {
            return new(Clock(advance));
        }

        if (request.LoadAppendOnly)
        {
            return new(appendOnly.LoadAgain() is { } refused ? Reply.Error(refused) : Reply.Ok);
        }

        return new(persistence.Reload(request.Save, request.Flush, request.Merge) is { } failed ? Reply.Error(failed) : Reply.Ok);
    }

    /// <summary><c>DEBUG CLOCK</c>: the server's time in Unix milliseconds, after moving a manual clock by <paramref name="advance"/>.</summary>
    private Reply Clock(long advance)
    {
        if (advance > 0)
        {
            if (time is not IManualClock manual)
            {
                return NotManual;
            }

            manual.Advance(advance);
        }

        return Reply.Integer(time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    // islocalClient: 127.0.0.1 or ::1 ("ip:port" as CLIENT LIST shows the peer).
    private static bool IsLoopback(string? remote) =>
        remote is not null && System.Net.IPEndPoint.TryParse(remote, out var endPoint) && System.Net.IPAddress.IsLoopback(endPoint.Address);
}
