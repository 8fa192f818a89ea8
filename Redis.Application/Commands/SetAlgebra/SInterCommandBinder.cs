using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SInterCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sinter", -2, ["readonly"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Intersect multiple sets", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Inter, null, args.RestMemory()));
}
