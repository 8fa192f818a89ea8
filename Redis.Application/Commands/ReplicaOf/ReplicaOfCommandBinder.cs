using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ReplicaOf;

/// <summary>
/// Redis's <c>replicaofCommand</c> reads <c>NO ONE</c> in any case, and otherwise the port with
/// <c>getRangeLongFromObjectOrReply(0, 65535, "Invalid master port")</c>.
/// </summary>
internal class ReplicaOfCommandBinder : ICommandBinder
{
    public ReplicaOfCommandBinder()
        : this("replicaof")
    {
    }

    protected ReplicaOfCommandBinder(string name) =>
        Spec = new(name, 3, ["no_async_loading", "admin", "noscript", "stale"])
        {
            Doc = new("host port", "Make the server a replica of another instance, or promote it as master", "server"),
        };

    public CommandSpec Spec { get; }

    public BindResult Bind(ref ArgCursor args)
    {
        var session = args.Session;
        var host = args.NextSpan();
        var port = args.NextSpan();
        if (Ascii.EqualsIgnoreCase(host, "no"u8) && Ascii.EqualsIgnoreCase(port, "one"u8))
        {
            return new(new ReplicaOfCommand(session, null, 0));
        }

        return RedisInteger.TryParse(port, out var number) && number is >= 0 and <= 65535
            ? new BindResult(new ReplicaOfCommand(session, Encoding.UTF8.GetString(host), (int)number))
            : Errors.InvalidMasterPort;
    }
}

/// <summary><c>SLAVEOF</c>: <c>REPLICAOF</c>'s older name, deprecated since Redis 5.</summary>
internal sealed class SlaveOfCommandBinder() : ReplicaOfCommandBinder("slaveof");
