using Redis.Application.Routing;

namespace Redis.Application.Commands.Expire;

/// <summary><c>PEXPIRE key milliseconds [NX | XX | GT | LT]</c>: <c>EXPIRE</c> in milliseconds.</summary>
internal sealed class PExpireCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("pexpire", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key milliseconds [NX|XX|GT|LT]", "Set a key's time to live in milliseconds", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        ExpireCommandBinder.Bind(ref args, Spec.Name, inMilliseconds: true, absolute: false);
}
