using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.PSync;

/// <summary>Redis reads PSYNC's offset with <c>getLongLongFromObjectOrReply</c>; words after the two are ignored, as its arity is -3.</summary>
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
        return RedisInteger.TryParse(args.NextSpan(), out var offset)
            ? new BindResult(new PSyncCommand(session, id, offset))
            : Errors.NotAnInteger;
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
