using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LInsert;

internal sealed class LInsertCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("linsert", 5, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key BEFORE|AFTER pivot element", "Insert an element before or after another element in a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        bool after;
        if (args.NextIs("AFTER"u8))
        {
            after = true;
        }
        else if (args.NextIs("BEFORE"u8))
        {
            after = false;
        }
        else
        {
            return Errors.Syntax;
        }

        var pivot = args.NextMemory();
        return new(new LInsertCommand(args.Keyspace, key, after, pivot, args.NextBytes()));
    }
}
