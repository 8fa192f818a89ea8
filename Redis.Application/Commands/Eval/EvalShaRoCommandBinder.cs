using Redis.Application.Routing;

namespace Redis.Application.Commands.Eval;

internal sealed class EvalShaRoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("evalsha_ro", -3, EvalArguments.ReadOnlyFlags)
    {
        Doc = new("sha1 numkeys [key [key ...]] [arg [arg ...]]", "Execute a read-only Lua script server side", "scripting"),
        KeyCountAt = 2,
    };

    public BindResult Bind(ref ArgCursor args) => EvalArguments.Bind(ref args, bySha: true, readOnly: true);
}
