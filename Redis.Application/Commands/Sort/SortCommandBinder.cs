using Redis.Application.Routing;

namespace Redis.Application.Commands.Sort;

/// <remarks><c>COMMAND INFO</c> reports the source as the key (1 1 1) and <c>movablekeys</c>, as Redis does: <c>STORE</c> may come anywhere.</remarks>
internal sealed class SortCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sort", -2, ["write", "denyoom", "movablekeys"], 1, 1, 1)
    {
        Doc = new(
            "key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA] [STORE destination]",
            "Sort the elements in a list, set or sorted set",
            "generic"),
        FindKeys = SortParser.KeyPositions,
    };

    public BindResult Bind(ref ArgCursor args) => SortParser.Parse(ref args, readOnly: false);
}
