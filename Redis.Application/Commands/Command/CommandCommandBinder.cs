using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

internal sealed class CommandCommandBinder : ICommandBinder
{
    private static readonly Reply CountArity = Errors.WrongArity("command|count");

    public CommandSpec Spec { get; } = new("command", -1, ["loading", "stale"])
    {
        Doc = new("[COUNT|LIST|INFO [command-name ...]|DOCS [command-name ...]]", "Get details about the server's commands", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.HasMore)
        {
            return new BindResult(new CommandCommand(CommandSubcommand.Info, []));
        }

        if (args.NextIs("COUNT"u8))
        {
            return args.HasMore ? CountArity : new BindResult(new CommandCommand(CommandSubcommand.Count, []));
        }

        if (args.NextIs("LIST"u8))
        {
            // COMMAND LIST has arity -2 and parses FILTERBY options, so any argument here is Redis's syntax error.
            return args.HasMore ? Errors.Syntax : new BindResult(new CommandCommand(CommandSubcommand.List, []));
        }

        var subcommand = args.NextIs("INFO"u8) ? CommandSubcommand.Info
            : args.NextIs("DOCS"u8) ? CommandSubcommand.Docs
            : (CommandSubcommand?)null;
        if (subcommand is null)
        {
            return Errors.UnknownSubcommand(args.NextSpan(), Spec.Name);
        }

        var names = new string[args.Remaining];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(args.NextSpan());
        }

        return new BindResult(new CommandCommand(subcommand.Value, names));
    }
}
