using Redis.Application.Routing;

namespace Redis.Application.Commands.Del;

/// <summary><c>UNLINK</c> is <c>DEL</c> here: Redis frees values in the background for it, and this server has no background to free them in.</summary>
internal sealed class UnlinkCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("unlink", -2, ["write", "fast"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Delete keys (the same as DEL here)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new DelCommand(args.Keyspace, args.RestMemory()));
}
