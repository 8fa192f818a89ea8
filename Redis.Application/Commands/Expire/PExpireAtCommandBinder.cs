using Redis.Application.Routing;

namespace Redis.Application.Commands.Expire;

/// <summary><c>PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]</c>: <c>EXPIRE</c> at an absolute Unix time in milliseconds.</summary>
internal sealed class PExpireAtCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("pexpireat", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key unix-time-milliseconds [NX|XX|GT|LT]", "Set the expiration for a key as a Unix timestamp in milliseconds", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        ExpireCommandBinder.Bind(ref args, Spec.Name, inMilliseconds: true, absolute: true);
}
