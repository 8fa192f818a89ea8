using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Config;

/// <remarks>Only <c>CONFIG GET</c> is served: settings change through the command line, environment or appsettings.</remarks>
internal sealed class ConfigCommandBinder : ICommandBinder
{
    private static readonly Reply GetArity = Errors.WrongArity("config|get");

    public CommandSpec Spec { get; } = new("config", -2, ["admin", "noscript", "loading", "stale"]);

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.NextIs("GET"u8))
        {
            return Errors.UnknownSubcommand(args.NextSpan(), Spec.Name);
        }

        if (!args.HasMore)
        {
            return GetArity;
        }

        var patterns = new byte[args.Remaining][];
        for (var i = 0; i < patterns.Length; i++)
        {
            patterns[i] = args.NextBytes();
        }

        return new BindResult(new ConfigGetCommand(patterns));
    }
}
