using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SInterStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sinterstore", -3, ["write", "denyoom"], 1, -1, 1)
    {
        Doc = new("destination key [key ...]", "Intersect multiple sets and store the resulting set in a key", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Inter, args.NextMemory(), args.RestMemory()));
}
