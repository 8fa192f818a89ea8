using Redis.Application.Routing;

namespace Redis.Application.Commands.Object;

/// <summary>The <c>OBJECT</c> container, with Redis 7.0's subcommand arities and key positions.</summary>
/// <remarks><c>IDLETIME</c> is not served: the keyspace keeps no access time per key.</remarks>
internal sealed class ObjectCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Encoding = new("object|encoding", 3, ["readonly"], 2, 2, 1)
    {
        Doc = new("key", "Inspect the internal encoding of a Redis object", "generic"),
    };

    private static readonly CommandSpec Freq = new("object|freq", 3, ["readonly"], 2, 2, 1)
    {
        Doc = new("key", "Get the logarithmic access frequency counter of a Redis object (LFU policies only)", "generic"),
    };

    private static readonly CommandSpec IdleTime = new("object|idletime", 3, ["readonly"], 2, 2, 1)
    {
        Doc = new("key", "Get the time since a Redis object was last accessed", "generic"),
    };

    private static readonly CommandSpec RefCount = new("object|refcount", 3, ["readonly"], 2, 2, 1)
    {
        Doc = new("key", "Get the number of references to the value of the key", "generic"),
    };

    private static readonly CommandSpec Help = new("object|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "generic"),
    };

    public CommandSpec Spec { get; } = new("object", -2, [])
    {
        Doc = new("ENCODING key | FREQ key | IDLETIME key | REFCOUNT key | HELP", "Inspect the internals of Redis objects", "generic"),
        Subcommands = [Encoding, Freq, IdleTime, RefCount, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        return subcommand == Help
            ? new BindResult(new ObjectCommand(args.Keyspace, ObjectSubcommand.Help, default))
            : new BindResult(new ObjectCommand(
                args.Keyspace,
                subcommand == Encoding ? ObjectSubcommand.Encoding
                : subcommand == Freq ? ObjectSubcommand.Freq
                : subcommand == IdleTime ? ObjectSubcommand.IdleTime
                : ObjectSubcommand.RefCount,
                args.NextMemory()));
    }
}
