using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

internal sealed class SDiffCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sdiff", -2, ["readonly"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Subtract multiple sets", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetAlgebraCommand(args.Keyspace, SetAlgebraOperation.Diff, null, args.RestMemory()));
}
