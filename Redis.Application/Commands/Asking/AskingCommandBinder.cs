using Redis.Application.Routing;

namespace Redis.Application.Commands.Asking;

internal sealed class AskingCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("asking", 1, ["fast"])
    {
        Doc = new(string.Empty, "Sent by cluster clients after an -ASK redirect", "cluster"),
    };

    public BindResult Bind(ref ArgCursor args) => new(AskingCommand.Instance);
}
