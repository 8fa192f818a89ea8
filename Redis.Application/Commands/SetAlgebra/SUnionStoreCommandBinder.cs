using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SUnionStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sunionstore", -3, ["write", "denyoom"], 1, -1, 1)
    {
        Doc = new("destination key [key ...]", "Add multiple sets and store the resulting set in a key", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Union, args.NextMemory(), args.RestMemory()));
}
