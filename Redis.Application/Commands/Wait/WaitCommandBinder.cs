using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Wait;

/// <summary>
/// Redis reads <c>numreplicas</c> with <c>getLongFromObjectOrReply</c> and the timeout with
/// <c>getTimeoutFromObjectOrReply(UNIT_MILLISECONDS)</c>: an integer, not negative.
/// </summary>
internal sealed class WaitCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("wait", 3, ["noscript"])
    {
        Doc = new("numreplicas timeout", "Wait for the synchronous replication of all the write commands sent in the context of the current connection", "generic"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.TryNextInt64(out var replicas))
        {
            return Errors.NotAnInteger;
        }

        if (!RedisInteger.TryParse(args.NextSpan(), out var timeout))
        {
            return Errors.TimeoutNotAnInteger;
        }

        return timeout < 0 ? Errors.TimeoutNegative : new BindResult(new WaitCommand(args.Session, replicas, timeout));
    }
}
