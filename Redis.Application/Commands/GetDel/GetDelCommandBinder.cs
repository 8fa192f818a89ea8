using Redis.Application.Routing;

namespace Redis.Application.Commands.GetDel;

internal sealed class GetDelCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("getdel", 2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the value of a key and delete the key", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new GetDelCommand(args.Keyspace, args.NextMemory()));
}
