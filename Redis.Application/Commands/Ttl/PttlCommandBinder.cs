using Redis.Application.Routing;

namespace Redis.Application.Commands.Ttl;

/// <summary><c>PTTL</c> is <c>TTL</c> in milliseconds: one command and handler, two names (Redis's <c>ttlGenericCommand</c>).</summary>
internal sealed class PttlCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("pttl", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the time to live for a key in milliseconds", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new TtlCommand(args.Keyspace, args.NextMemory(), InMilliseconds: true));
}
