using System.Text;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.PSync;

/// <summary>
/// Redis's <c>masterTryPartialResynchronization</c> reads PSYNC's offset with <c>getLongLongFromObjectOrReply</c> and
/// falls back to a full synchronisation when it is not a number; words after the two are ignored, as its arity is -3.
/// </summary>
internal sealed class PSyncCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("psync", -3, ["no_async_loading", "admin", "no_multi", "noscript"])
    {
        Doc = new("replicationid offset", "Internal command used for replication", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var session = args.Session;
        var id = Encoding.UTF8.GetString(args.NextSpan());
        return new(new PSyncCommand(session, RedisInteger.TryParse(args.NextSpan(), out var offset) ? id : "?", offset));
    }
}

/// <summary><c>SYNC</c>: the full synchronisation of replicas older than PSYNC.</summary>
internal sealed class SyncCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sync", 1, ["no_async_loading", "admin", "no_multi", "noscript"])
    {
        Doc = new(string.Empty, "Internal command used for replication", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new PSyncCommand(args.Session, null, -1));
}
