using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Command;

/// <summary>The <c>COMMAND</c> container: its subcommands and their arities are Redis 7.0's, checked by the router and here.</summary>
internal sealed class CommandCommandBinder : ICommandBinder
{
    private static readonly string[] SubcommandFlags = ["loading", "stale"];

    private static readonly CommandSpec Count = Sub("count", 2, string.Empty, "Get the total number of commands");
    private static readonly CommandSpec Docs = Sub("docs", -2, "[command-name ...]", "Get documentary information about commands");
    private static readonly CommandSpec GetKeys = Sub("getkeys", -4, "command [arg ...]", "Extract the keys given a full command");
    private static readonly CommandSpec GetKeysAndFlags = Sub(
        "getkeysandflags", -4, "command [arg ...]", "Extract the keys given a full command, with their access flags");
    private static readonly CommandSpec Help = Sub("help", 2, string.Empty, "Show helpful text about the different subcommands");
    private static readonly CommandSpec Info = Sub("info", -2, "[command-name ...]", "Get details about specific commands");
    private static readonly CommandSpec List = Sub("list", -2, string.Empty, "Get the names of all the commands");

    public CommandSpec Spec { get; } = new("command", -1, SubcommandFlags)
    {
        Doc = new("[COUNT|LIST|INFO [command-name ...]|DOCS [command-name ...]|GETKEYS command [arg ...]|HELP]",
            "Get details about the server's commands", "server"),
        Subcommands = [Count, Docs, GetKeys, GetKeysAndFlags, Help, Info, List],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.HasMore)
        {
            return new BindResult(new CommandCommand(CommandSubcommand.Info, []));
        }

        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        if (subcommand == List)
        {
            // COMMAND LIST parses FILTERBY options, so any argument here is Redis's syntax error.
            return args.HasMore ? Errors.Syntax : new BindResult(new CommandCommand(CommandSubcommand.List, []));
        }

        if (subcommand == GetKeys || subcommand == GetKeysAndFlags)
        {
            var words = new byte[args.Remaining][];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = args.NextBytes();
            }

            return new BindResult(new CommandGetKeysCommand(words, WithFlags: subcommand == GetKeysAndFlags));
        }

        var which = subcommand == Count ? CommandSubcommand.Count
            : subcommand == Help ? CommandSubcommand.Help
            : subcommand == Docs ? CommandSubcommand.Docs
            : CommandSubcommand.Info;
        var names = new string[args.Remaining];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(args.NextSpan());
        }

        return new BindResult(new CommandCommand(which, names));
    }

    private static CommandSpec Sub(string name, int arity, string arguments, string summary) =>
        new("command|" + name, arity, SubcommandFlags) { Doc = new(arguments, summary, "server") };
}
