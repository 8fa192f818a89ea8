using System.Text;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>Describes the command table, in the shape of Redis 7's <c>COMMAND INFO</c> reply.</summary>
/// <remarks>
/// <c>COMMAND DOCS</c> answers an empty map: clients such as redis-cli then fall back to their own hints. The kinds are
/// Redis 7.0's (<c>addReplyCommandInfo</c>): flags, categories, tips and key specs are sets, subcommands an array, or
/// an empty set when a command has none; a RESP2 connection gets every one as an array.
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
            CommandSubcommand.Docs => Reply.Map([]),
            CommandSubcommand.List => Reply.Array([.. table.Commands.Select(c => Reply.Bulk(c.Name))]),
            CommandSubcommand.Help => HelpReply,
            _ => Info(request.Names),
        });

    private Reply Info(string[] names)
    {
        if (names.Length == 0)
        {
            return Reply.Array([.. table.Commands.Select(Describe)]);
        }

        return Reply.Array([.. names.Select(name =>
            table.TryFind(Encoding.UTF8.GetBytes(name), out var binder) ? Describe(binder.Spec) : Reply.Nil)]);
    }

    private static Reply Describe(CommandSpec spec) => Reply.Array(
    [
        Reply.Bulk(spec.Name),
        Reply.Integer(spec.Arity),
        Reply.Set([.. spec.Flags.Select(Reply.Simple)]),
        Reply.Integer(spec.FirstKey),
        Reply.Integer(spec.LastKey),
        Reply.Integer(spec.Step),
        Reply.Set([]),
        Reply.Set([]),
        Reply.Set([]),
        spec.Subcommands.Count == 0 ? Reply.Set([]) : Reply.Array([.. spec.Subcommands.Select(Describe)]),
    ]);
}
