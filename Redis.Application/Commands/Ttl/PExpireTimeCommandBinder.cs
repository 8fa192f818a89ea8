using Redis.Application.Routing;

namespace Redis.Application.Commands.Ttl;

/// <summary><c>PEXPIRETIME key</c>: the expiry as a Unix time in milliseconds.</summary>
internal sealed class PExpireTimeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("pexpiretime", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the expiration Unix timestamp for a key in milliseconds", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new TtlCommand(args.Keyspace, args.NextMemory(), InMilliseconds: true, Absolute: true));
}
