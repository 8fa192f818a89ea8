using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Command;

internal sealed class CommandCommandBinder : ICommandBinder
{
    private static readonly Reply CountArity = Errors.WrongArity("command|count");
    private static readonly Reply ListArity = Errors.WrongArity("command|list");

    public CommandSpec Spec { get; } = new("command", -1, ["loading", "stale"]);

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
            return args.HasMore ? ListArity : new BindResult(new CommandCommand(CommandSubcommand.List, []));
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
