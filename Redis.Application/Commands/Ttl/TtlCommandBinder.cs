using Redis.Application.Routing;

namespace Redis.Application.Commands.Ttl;

internal sealed class TtlCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("ttl", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the time to live for a key in seconds (-2 missing, -1 no expiry)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new TtlCommand(args.Keyspace, args.NextMemory()));
}
