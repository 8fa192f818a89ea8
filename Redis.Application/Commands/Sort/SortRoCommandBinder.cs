using Redis.Application.Routing;

namespace Redis.Application.Commands.Sort;

internal sealed class SortRoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sort_ro", -2, ["readonly", "movablekeys"], 1, 1, 1)
    {
        Doc = new(
            "key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA]",
            "Sort the elements in a list, set or sorted set. Read-only variant of SORT.",
            "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => SortParser.Parse(ref args, readOnly: true);
}
