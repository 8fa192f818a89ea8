using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Restore;

/// <summary>
/// The options as Redis's <c>restoreCommand</c> reads them, left to right, the first refused ending the command:
/// <c>IDLETIME</c> and <c>FREQ</c> exclude each other (the second is a syntax error), and are checked and then
/// set the key's access clock (Redis's <c>objectSetLRUOrLFU</c>).
/// </summary>
internal sealed class RestoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("restore", -4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]", "Create a key using the provided serialized value, previously obtained using DUMP.", "generic"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var (key, ttl, payload) = (args.NextMemory(), args.NextMemory(), args.NextMemory());
        bool replace = false, absoluteTtl = false, idle = false, frequency = false;
        long idleSeconds = -1, count = -1;
        while (args.HasMore)
        {
            var additional = args.Remaining - 1;
            if (args.NextIs("REPLACE"u8))
            {
                replace = true;
            }
            else if (args.NextIs("ABSTTL"u8))
            {
                absoluteTtl = true;
            }
            else if (additional >= 1 && !frequency && args.PeekIs("IDLETIME"u8))
            {
                args.Skip();
                if (!args.TryNextInt64(out idleSeconds))
                {
                    return Errors.NotAnInteger;
                }

                if (idleSeconds < 0)
                {
                    return Errors.InvalidIdleTime;
                }

                idle = true;
            }
            else if (additional >= 1 && !idle && args.PeekIs("FREQ"u8))
            {
                args.Skip();
                if (!args.TryNextInt64(out count))
                {
                    return Errors.NotAnInteger;
                }

                if (count is < 0 or > 255)
                {
                    return Errors.InvalidFrequency;
                }

                frequency = true;
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new BindResult(new RestoreCommand(args.Keyspace, key, ttl, payload, replace, absoluteTtl, idleSeconds, count));
    }
}
