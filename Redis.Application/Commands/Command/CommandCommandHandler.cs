using System.Text;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Routing.Metadata;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>Describes the command table, in the shape of Redis 7's <c>COMMAND INFO</c> and <c>COMMAND DOCS</c> replies.</summary>
/// <remarks>
/// Arity, flags and key range come from each command's <see cref="CommandSpec"/>; ACL categories, tips, key specs
/// and the documentation from Redis 7.0.15's metadata (<see cref="CommandMetadataCatalog"/>), for the commands and
/// subcommands this server has. The kinds are Redis's (<c>addReplyCommandInfo</c>): flags, categories, tips and key
/// specs are sets, subcommands an array, or an empty set when a command has none; a RESP2 connection gets every one as
/// an array, and every map as a flat array.
/// </remarks>
public sealed class CommandCommandHandler(CommandTable table) : IRequestHandler<CommandCommand, Reply>
{
    private static readonly Reply HelpReply = HelpText.For(
        "command",
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.");

    public ValueTask<Reply> Handle(CommandCommand request, CancellationToken cancellationToken) =>
        new(request.Subcommand switch
        {
            CommandSubcommand.Count => Reply.Integer(table.Commands.Count),
            CommandSubcommand.Docs => Docs(request.Names),
            CommandSubcommand.List => Reply.Array([.. table.Commands.Select(c => Reply.Bulk(c.Name))]),
            CommandSubcommand.Help => HelpReply,
            _ => Info(request.Names),
        });

    private Reply Info(string[] names)
    {
        var catalog = CommandMetadataCatalog.Redis70;
        return names.Length == 0
            ? Reply.Array([.. table.Commands.Select(spec => CommandMetadataReplies.Info(spec, catalog))])
            : Reply.Array([.. names.Select(name =>
                Find(name) is { } spec ? CommandMetadataReplies.Info(spec, catalog) : Reply.Nil)]);
    }

    /// <summary><c>commandDocsCommand</c>: a map of name to documentation; an unknown name is left out.</summary>
    private Reply Docs(string[] names)
    {
        var catalog = CommandMetadataCatalog.Redis70;
        var specs = names.Length == 0 ? table.Commands : [.. names.Select(Find).OfType<CommandSpec>()];
        return Reply.Map([.. specs.SelectMany(spec => new[] { Reply.Bulk(spec.Name), CommandMetadataReplies.Docs(spec, catalog) })]);
    }

    /// <summary>
    /// <c>lookupCommandBySds</c>: a command, or a subcommand named <c>container|sub</c>; null for an unknown one, a
    /// subcommand of a command that has none, or more than one <c>|</c>.
    /// </summary>
    private CommandSpec? Find(string name)
    {
        var parts = name.Split('|');
        if (parts.Length > 2 || !table.TryFind(Encoding.UTF8.GetBytes(parts[0]), out var binder))
        {
            return null;
        }

        return parts.Length == 1 ? binder.Spec
            : binder.Spec.Subcommands.Count == 0 ? null
            : binder.Spec.FindSubcommand(Encoding.UTF8.GetBytes(parts[1]));
    }
}
