using Redis.Application.Routing;

namespace Redis.Application.Commands.Eval;

internal sealed class EvalRoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("eval_ro", -3, EvalArguments.ReadOnlyFlags)
    {
        Doc = new("script numkeys [key [key ...]] [arg [arg ...]]", "Execute a read-only Lua script server side", "scripting"),
        KeyCountAt = 2,
    };

    public BindResult Bind(ref ArgCursor args) => EvalArguments.Bind(ref args, bySha: false, readOnly: true);
}
