using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Config;

/// <remarks>Only <c>CONFIG GET</c> is served: settings change through the command line, environment or appsettings.</remarks>
internal sealed class ConfigCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Get = new("config|get", -3, ["admin", "noscript", "loading", "stale"])
    {
        Doc = new("parameter [parameter ...]", "Get the values of configuration parameters (glob patterns allowed)", "server"),
    };

    public CommandSpec Spec { get; } = new("config", -2, ["admin", "noscript", "loading", "stale"])
    {
        Doc = new("GET parameter [parameter ...]", "Get the values of configuration parameters (glob patterns allowed)", "server"),
        Subcommands = [Get],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        var name = args.NextSpan();
        if (Spec.FindSubcommand(name) is null)
        {
            return Errors.UnknownSubcommand(name, Spec.Name);
        }

        if (!Get.AcceptsArgumentCount(argc))
        {
            return Get.ArityError;
        }

        var patterns = new byte[args.Remaining][];
        for (var i = 0; i < patterns.Length; i++)
        {
            patterns[i] = args.NextBytes();
        }

        return new BindResult(new ConfigGetCommand(patterns));
    }
}
