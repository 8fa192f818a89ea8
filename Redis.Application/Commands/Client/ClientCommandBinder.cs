using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Client;

/// <summary>The <c>CLIENT</c> container: each subcommand has its own arity, checked here as Redis checks <c>client|setname</c>.</summary>
internal sealed class ClientCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Id = Sub("id", 2, string.Empty, "Return the ID of the current connection");
    private static readonly CommandSpec GetName = Sub("getname", 2, string.Empty, "Return the name of the current connection");
    private static readonly CommandSpec SetName = Sub("setname", 3, "<name>", "Assign the name <name> to the current connection");
    private static readonly CommandSpec Info = Sub("info", 2, string.Empty, "Return information about the current client connection");
    private static readonly CommandSpec List = Sub("list", 2, string.Empty, "Return information about client connections (here: this one)");
    private static readonly CommandSpec SetInfo = Sub(
        "setinfo", 4, "<LIB-NAME|LIB-VER> <value>", "Set the client library's name or version, shown by CLIENT INFO");

    private static readonly CommandSpec Help = Sub("help", 2, string.Empty, "Prints this help");

    public CommandSpec Spec { get; } = new("client", -2, ["sentinel"])
    {
        Doc = new("<subcommand> [<arg> ...]", "Inspect and name the current connection", "connection"),
        Subcommands = [Id, GetName, SetName, Info, List, SetInfo, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        var name = args.NextSpan();
        var subcommand = Spec.FindSubcommand(name);
        if (subcommand is null)
        {
            return Errors.UnknownSubcommand(name, Spec.Name);
        }

        if (!subcommand.AcceptsArgumentCount(argc))
        {
            return subcommand.ArityError;
        }

        if (subcommand == SetInfo)
        {
            var attribute = args.NextBytes();
            var kind = System.Text.Ascii.EqualsIgnoreCase(attribute, "LIB-NAME"u8) ? ClientSubcommand.SetLibraryName
                : System.Text.Ascii.EqualsIgnoreCase(attribute, "LIB-VER"u8) ? ClientSubcommand.SetLibraryVersion
                : (ClientSubcommand?)null;
            return kind is null
                ? Errors.UnrecognizedOption(attribute)
                : new BindResult(new ClientCommand(args.Session, kind.Value, args.NextBytes(), attribute));
        }

        var which = subcommand == Id ? ClientSubcommand.Id
            : subcommand == GetName ? ClientSubcommand.GetName
            : subcommand == SetName ? ClientSubcommand.SetName
            : subcommand == Info ? ClientSubcommand.Info
            : subcommand == List ? ClientSubcommand.List
            : ClientSubcommand.Help;
        return new BindResult(new ClientCommand(args.Session, which, which == ClientSubcommand.SetName ? args.NextBytes() : null));
    }

    private static CommandSpec Sub(string name, int arity, string arguments, string summary) =>
        new("client|" + name, arity, ["noscript", "loading", "stale"]) { Doc = new(arguments, summary, "connection") };
}
