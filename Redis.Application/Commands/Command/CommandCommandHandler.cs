using System.Text;
using Mediator;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>Describes the command table, in the shape of Redis 7's <c>COMMAND INFO</c> reply.</summary>
/// <remarks><c>COMMAND DOCS</c> answers an empty list: clients such as redis-cli then fall back to their own hints.</remarks>
public sealed class CommandCommandHandler(CommandTable table) : IRequestHandler<CommandCommand, Reply>
{
    public ValueTask<Reply> Handle(CommandCommand request, CancellationToken cancellationToken) =>
        new(request.Subcommand switch
        {
            CommandSubcommand.Count => Reply.Integer(table.Commands.Count),
            CommandSubcommand.Docs => Reply.EmptyArray,
            CommandSubcommand.List => Reply.Array([.. table.Commands.Select(c => Reply.Bulk(c.Name))]),
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
        Reply.Array([.. spec.Flags.Select(Reply.Simple)]),
        Reply.Integer(spec.FirstKey),
        Reply.Integer(spec.LastKey),
        Reply.Integer(spec.Step),
        Reply.EmptyArray,
        Reply.EmptyArray,
        Reply.EmptyArray,
        Reply.Array([.. spec.Subcommands.Select(Describe)]),
    ]);
}
