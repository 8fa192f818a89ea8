using Redis.Application.Routing;

namespace Redis.Application.Commands.Save;

internal sealed class SaveCommandBinder : ICommandBinder
{
    private static readonly SaveCommand Command = new();

    public CommandSpec Spec { get; } = new("save", 1, ["admin", "noscript", "no_async_loading", "no_multi"])
    {
        Doc = new(string.Empty, "Synchronously save the dataset to disk", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(Command);
}
