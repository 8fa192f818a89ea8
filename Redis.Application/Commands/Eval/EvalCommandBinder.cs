using Redis.Application.Routing;

namespace Redis.Application.Commands.Eval;

internal sealed class EvalCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("eval", -3, EvalArguments.Flags)
    {
        Doc = new("script numkeys [key [key ...]] [arg [arg ...]]", "Execute a Lua script server side", "scripting"),
        KeyCountAt = 2,
    };

    public BindResult Bind(ref ArgCursor args) => EvalArguments.Bind(ref args, bySha: false, readOnly: false);
}
