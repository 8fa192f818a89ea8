using Redis.Application.Routing;

namespace Redis.Application.Commands.DbSize;

internal sealed class DbSizeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("dbsize", 1, ["readonly", "fast"])
    {
        Doc = new(string.Empty, "Return the number of keys in the selected database", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new DbSizeCommand(args.Keyspace));
}
