using Redis.Application.Routing;

namespace Redis.Application.Commands.Ttl;

/// <summary><c>EXPIRETIME key</c>: the expiry as a Unix time in seconds; <c>TTL</c>'s absolute twin.</summary>
internal sealed class ExpireTimeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("expiretime", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the expiration Unix timestamp for a key (-2 missing, -1 no expiry)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new TtlCommand(args.Keyspace, args.NextMemory(), Absolute: true));
}
