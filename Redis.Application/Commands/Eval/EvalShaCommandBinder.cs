using Redis.Application.Routing;

namespace Redis.Application.Commands.Eval;

internal sealed class EvalShaCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("evalsha", -3, EvalArguments.Flags)
    {
        Doc = new("sha1 numkeys [key [key ...]] [arg [arg ...]]", "Execute a Lua script server side", "scripting"),
        KeyCountAt = 2,
    };

    public BindResult Bind(ref ArgCursor args) => EvalArguments.Bind(ref args, bySha: true, readOnly: false);
}
