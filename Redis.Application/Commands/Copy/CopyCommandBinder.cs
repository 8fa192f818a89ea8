using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Copy;

internal sealed class CopyCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("copy", -3, ["write", "denyoom"], 1, 2, 1)
    {
        Doc = new("source destination [DB destination-db] [REPLACE]", "Copy a key", "generic"),
    };

    // Redis's copyCommand reads the options left to right and stops at the first it refuses.
    public BindResult Bind(ref ArgCursor args)
    {
        var (source, destination) = (args.NextMemory(), args.NextMemory());
        var (databases, replace) = (new List<int>(1), false);
        Reply? error = null;
        while (args.HasMore && error is null)
        {
            if (args.NextIs("replace"u8))
            {
                replace = true;
            }
            else if (args.Remaining >= 2 && args.NextIs("db"u8))
            {
                if (args.TryNextInt32(out var database, out var notAnInt))
                {
                    databases.Add(database);
                }
                else
                {
                    error = notAnInt;
                }
            }
            else
            {
                error = Errors.Syntax;
            }
        }

        return new(new CopyCommand(args.Keyspace, source, destination, [.. databases], replace, error));
    }
}
