using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Config;

/// <summary>The <c>CONFIG</c> container: <c>GET</c>, <c>SET</c>, <c>RESETSTAT</c>, <c>REWRITE</c>, <c>HELP</c>, with Redis 7.0's arities.</summary>
internal sealed class ConfigCommandBinder : ICommandBinder
{
    private static readonly string[] AdminFlags = ["admin", "noscript", "loading", "stale"];

    private static readonly CommandSpec Get = new("config|get", -3, AdminFlags)
    {
        Doc = new("parameter [parameter ...]", "Get the values of configuration parameters (glob patterns allowed)", "server"),
    };

    private static readonly CommandSpec Set = new("config|set", -4, AdminFlags)
    {
        Doc = new("parameter value [parameter value ...]", "Set configuration parameters, all of them or none", "server"),
    };

    private static readonly CommandSpec ResetStat = new("config|resetstat", 2, AdminFlags)
    {
        Doc = new(string.Empty, "Reset the statistics reported by INFO", "server"),
    };

    private static readonly CommandSpec Rewrite = new("config|rewrite", 2, AdminFlags)
    {
        Doc = new(string.Empty, "Rewrite the configuration file (there is none: an error)", "server"),
    };

    private static readonly CommandSpec Help = new("config|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "server"),
    };

    public CommandSpec Spec { get; } = new("config", -2, [])
    {
        Doc = new("GET parameter [parameter ...] | SET parameter value [parameter value ...] | RESETSTAT | REWRITE | HELP",
            "Read and change the server's settings", "server"),
        Subcommands = [Get, Set, ResetStat, Rewrite, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        if (subcommand == Get)
        {
            var patterns = new byte[args.Remaining][];
            for (var i = 0; i < patterns.Length; i++)
            {
                patterns[i] = args.NextBytes();
            }

            return new BindResult(new ConfigGetCommand(patterns));
        }

        if (subcommand == Set)
        {
            // configSetCommand: an odd word count is a syntax error, not an arity error.
            if (argc % 2 == 1)
            {
                return Errors.Syntax;
            }

            var changes = new KeyValuePair<string, string>[args.Remaining / 2];
            for (var i = 0; i < changes.Length; i++)
            {
                changes[i] = new(Encoding.UTF8.GetString(args.NextSpan()), Encoding.UTF8.GetString(args.NextSpan()));
            }

            return new BindResult(new ConfigSetCommand(changes));
        }

        return new BindResult(new ConfigCommand(
            subcommand == ResetStat ? ConfigSubcommand.ResetStat : subcommand == Rewrite ? ConfigSubcommand.Rewrite : ConfigSubcommand.Help));
    }
}
