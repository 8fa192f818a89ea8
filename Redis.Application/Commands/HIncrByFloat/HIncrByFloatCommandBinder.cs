using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.HIncrByFloat;

/// <remarks>Redis's <c>hincrbyfloatCommand</c> refuses an infinite increment before it looks the key up.</remarks>
internal sealed class HIncrByFloatCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hincrbyfloat", 4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key field increment", "Increment the float value of a hash field by the given amount", "hash"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var name = args.NextMemory();
        if (!LongDouble.TryParse(args.NextSpan(), out var increment))
        {
            return Errors.NotAFloat;
        }

        return increment.IsFinite ? new BindResult(new HIncrByFloatCommand(args.Keyspace, key, name, increment)) : Errors.NaNOrInfinity;
    }
}
