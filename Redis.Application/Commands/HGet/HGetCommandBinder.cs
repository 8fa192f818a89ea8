using Redis.Application.Routing;

namespace Redis.Application.Commands.HGet;

internal sealed class HGetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hget", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key field", "Get the value of a hash field", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => Bind(ref args, HGetQuestion.Value);

    internal static BindResult Bind(ref ArgCursor args, HGetQuestion question) =>
        new(new HGetCommand(args.Keyspace, args.NextMemory(), args.NextMemory(), question));
}
