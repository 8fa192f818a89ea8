using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SDiffStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sdiffstore", -3, ["write", "denyoom"], 1, -1, 1)
    {
        Doc = new("destination key [key ...]", "Subtract multiple sets and store the resulting set in a key", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Diff, args.NextMemory(), args.RestMemory()));
}
