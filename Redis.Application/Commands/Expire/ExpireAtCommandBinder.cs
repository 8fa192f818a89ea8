using Redis.Application.Routing;

namespace Redis.Application.Commands.Expire;

/// <summary><c>EXPIREAT key unix-time-seconds [NX | XX | GT | LT]</c>: <c>EXPIRE</c> at an absolute Unix time.</summary>
internal sealed class ExpireAtCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("expireat", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key unix-time-seconds [NX|XX|GT|LT]", "Set the expiration for a key as a Unix timestamp", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        ExpireCommandBinder.Bind(ref args, Spec.Name, inMilliseconds: false, absolute: true);
}
