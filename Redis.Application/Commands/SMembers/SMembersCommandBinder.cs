using Redis.Application.Routing;

namespace Redis.Application.Commands.SMembers;

internal sealed class SMembersCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("smembers", 2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key", "Get all the members in a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SMembersCommand(args.Keyspace, args.NextMemory()));
}
