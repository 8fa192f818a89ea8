using System.Text;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Info;

internal sealed class InfoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("info", -1, ["loading", "stale"])
    {
        Doc = new("[section [section ...]]", "Get information and statistics about the server", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var sections = new string[args.Remaining];
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i] = Encoding.UTF8.GetString(args.NextSpan()).ToLowerInvariant();
        }

        return new BindResult(new InfoCommand(sections));
    }
}
