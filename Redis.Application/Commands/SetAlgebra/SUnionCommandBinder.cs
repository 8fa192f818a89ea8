using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SUnionCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sunion", -2, ["readonly"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Add multiple sets", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Union, null, args.RestMemory()));
}
