using Redis.Application.Routing;

namespace Redis.Application.Commands.HGetAll;

internal sealed class HGetAllCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hgetall", 2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key", "Get all the fields and values in a hash", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => Bind(ref args, HGetAllParts.Pairs);

    internal static BindResult Bind(ref ArgCursor args, HGetAllParts parts) => new(new HGetAllCommand(args.Keyspace, args.NextMemory(), parts));
}
