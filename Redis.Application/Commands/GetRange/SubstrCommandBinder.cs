using Redis.Application.Routing;

namespace Redis.Application.Commands.GetRange;

/// <summary><c>SUBSTR key start end</c>: <c>GETRANGE</c>'s older name, still served by Redis 7.</summary>
internal sealed class SubstrCommandBinder : ICommandBinder
{
    private readonly GetRangeCommandBinder _getRange = new();

    public CommandSpec Spec { get; } = new("substr", 4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key start end", "Get a substring of the string stored at a key (GETRANGE's older name)", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => _getRange.Bind(ref args);
}
