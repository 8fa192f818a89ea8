using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Lcs;

/// <summary>Parses the options in any order; Redis reads the keys first, so an error is carried to the handler.</summary>
internal sealed class LcsCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lcs", -3, ["readonly"], 1, 2, 1)
    {
        Doc = new("key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]", "Find longest common substring", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var command = new LcsCommand(args.Keyspace, args.NextMemory(), args.NextMemory());
        while (args.HasMore)
        {
            if (args.NextIs("IDX"u8))
            {
                command = command with { Indexes = true };
            }
            else if (args.NextIs("LEN"u8))
            {
                command = command with { Length = true };
            }
            else if (args.NextIs("WITHMATCHLEN"u8))
            {
                command = command with { WithMatchLength = true };
            }
            else if (args.Remaining > 1 && args.NextIs("MINMATCHLEN"u8))
            {
                if (!args.TryNextInt64(out var minimum))
                {
                    return new BindResult(command with { OptionError = Errors.NotAnInteger });
                }

                command = command with { MinMatchLength = Math.Max(0, minimum) };
            }
            else
            {
                return new BindResult(command with { OptionError = Errors.Syntax });
            }
        }

        return command is { Length: true, Indexes: true }
            ? new BindResult(command with { OptionError = Errors.LcsLenAndIdx })
            : new BindResult(command);
    }
}
