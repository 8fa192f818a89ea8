using Mediator;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>Redis's <c>getKeysSubcommandImpl</c>, from the key positions each <see cref="CommandSpec"/> declares.</summary>
public sealed class CommandGetKeysCommandHandler(CommandTable table) : IRequestHandler<CommandGetKeysCommand, Reply>
{
    public ValueTask<Reply> Handle(CommandGetKeysCommand request, CancellationToken cancellationToken)
    {
        var words = request.Words;
        if (!table.TryFind(words[0], out var binder))
        {
            return new(Errors.InvalidCommandSpecified);
        }

        // lookupCommandBySds: a container's subcommand is its own command, with its own arity and keys.
        var spec = binder.Spec;
        if (spec.Subcommands.Count > 0 && words.Length >= 2)
        {
            spec = spec.FindSubcommand(words[1]);
            if (spec is null)
            {
                return new(Errors.InvalidCommandSpecified);
            }
        }

        if (spec.FirstKey == 0 && spec.KeyCountAt == 0)
        {
            return new(Errors.NoKeyArguments);
        }

        if (!spec.AcceptsArgumentCount(words.Length))
        {
            return new(Errors.InvalidArgumentCount);
        }

        var keys = new List<Reply>();
        if (spec.FindKeys is { } findKeys)
        {
            keys.AddRange(findKeys(words).Select(i => Reply.Bulk(words[i])));
        }
        else if (spec.FirstKey != 0)
        {
            var last = spec.LastKey < 0 ? words.Length + spec.LastKey : spec.LastKey;
            for (var i = spec.FirstKey; i <= last && i < words.Length; i += Math.Max(1, spec.Step))
            {
                keys.Add(Reply.Bulk(words[i]));
            }
        }

        // Redis's keynum spec: a count that is not an integer of at least 1, or more keys than arguments, is refused.
        if (spec.KeyCountAt != 0)
        {
            var first = spec.KeyCountAt + 1;
            if (spec.KeyCountAt >= words.Length || !RedisInteger.TryParse(words[spec.KeyCountAt], out var count)
                || count < 1 || count > words.Length - first)
            {
                return new(Errors.InvalidArgumentsForCommand);
            }

            for (var i = first; i < first + count; i++)
            {
                keys.Add(Reply.Bulk(words[i]));
            }
        }

        return new(keys.Count == 0 ? Errors.InvalidArgumentsForCommand : Reply.Array([.. keys]));
    }
}
