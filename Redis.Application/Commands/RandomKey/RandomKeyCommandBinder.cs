using Redis.Application.Routing;

namespace Redis.Application.Commands.RandomKey;

internal sealed class RandomKeyCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("randomkey", 1, ["readonly", "touches_arbitrary_keys"])
    {
        Doc = new(string.Empty, "Return a random key from the keyspace (nil when empty)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new RandomKeyCommand(args.Keyspace));
}
