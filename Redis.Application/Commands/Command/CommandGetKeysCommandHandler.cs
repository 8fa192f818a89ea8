using Mediator;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Routing.Metadata;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>
/// Redis's <c>getKeysSubcommandImpl</c>: <c>COMMAND GETKEYS</c> from the key positions each <see cref="CommandSpec"/>
/// declares, and <c>COMMAND GETKEYSANDFLAGS</c>, which adds each key's flags from Redis 7.0's key specs.
/// </summary>
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

        // doesCommandHaveKeys: a command whose key specs are all not_key (SPUBLISH's channel) has none either.
        var keySpecs = CommandMetadataCatalog.Redis70.Find(spec.Name)?.KeySpecs ?? [];
        if ((spec.FirstKey == 0 && spec.KeyCountAt == 0)
            || (keySpecs.Count > 0 && keySpecs.All(s => (s.Flags & KeyAccess.NotKey) != 0)))
        {
            return new(Errors.NoKeyArguments);
        }

        if (!spec.AcceptsArgumentCount(words.Length))
        {
            return new(Errors.InvalidArgumentCount);
        }

        if (request.WithFlags)
        {
            return new(KeysAndFlags(spec, keySpecs, words));
        }

        var positions = KeyPositions(spec, words);
        return new(positions is null || positions.Count == 0
            ? NoKeys(spec)
            : Reply.Array([.. positions.Select(i => Reply.Bulk(words[i]))]));
    }

    /// <summary>
    /// No key found: an empty array for a command flagged <c>no_mandatory_keys</c> (<c>EVAL s 0</c>), whose keys may
    /// all be absent, else Redis's error.
    /// </summary>
    private static Reply NoKeys(CommandSpec spec) =>
        spec.Flags.Contains("no_mandatory_keys") ? Reply.EmptyArray : Errors.InvalidArgumentsForCommand;

    private static List<int>? KeyPositions(CommandSpec spec, byte[][] words) => spec.KeyPositions(CommandArgs.From(words));

    /// <summary>
    /// <c>getKeysFromCommandWithSpecs</c>: the key specs when they are reliable (some key that is not <c>not_key</c>,
    /// none <c>variable_flags</c>) and say where every key is; else the command's own key positions (Redis's
    /// <c>getkeys_proc</c>) with the flags that procedure gives.
    /// </summary>
    private static Reply KeysAndFlags(CommandSpec spec, IReadOnlyList<KeySpec> specs, byte[][] words)
    {
        var keys = new List<(int Position, KeyAccess Flags)>();
        var reliable = specs.Any(s => (s.Flags & KeyAccess.NotKey) == 0)
            && !specs.Any(s => (s.Flags & KeyAccess.VariableFlags) != 0);
        if (!reliable || !TryKeysFromSpecs(specs, words, spec.Arity < 0, keys))
        {
            keys.Clear();
            if (KeyPositions(spec, words) is { } positions)
            {
                keys.AddRange(positions.Select(position => (position, ProcedureFlags(spec.Name, specs, words, position))));
            }
        }

        return keys.Count == 0
            ? NoKeys(spec)
            : Reply.Array([.. keys.Select(key =>
                Reply.Array([Reply.Bulk(words[key.Position]), CommandMetadataReplies.KeySpecFlagReply(key.Flags)]))]);
    }

    /// <summary><c>getKeysUsingKeySpecs</c>: every spec's keys, or false when one cannot say (then Redis asks the command).</summary>
    private static bool TryKeysFromSpecs(IReadOnlyList<KeySpec> specs, byte[][] words, bool negativeArity, List<(int, KeyAccess)> keys)
    {
        foreach (var keySpec in specs)
        {
            if ((keySpec.Flags & KeyAccess.NotKey) == 0 && !keySpec.TryAddKeys(words, negativeArity, keys))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The flags Redis's <c>getkeys_proc</c> gives a key: <c>setGetKeys</c> (<c>RW access update</c> with <c>GET</c>,
    /// else <c>OW update</c>), <c>bitfieldGetKeys</c> (<c>RO access</c> for reads only), <c>sortGetKeys</c>
    /// (<c>OW update</c> for the <c>STORE</c> key), and the key spec that begins at the key for the others.
    /// </summary>
    private static KeyAccess ProcedureFlags(string command, IReadOnlyList<KeySpec> specs, byte[][] words, int position)
    {
        const KeyAccess ReadAccess = KeyAccess.RO | KeyAccess.Access;
        const KeyAccess ReadWrite = KeyAccess.RW | KeyAccess.Access | KeyAccess.Update;
        const KeyAccess Overwrite = KeyAccess.OW | KeyAccess.Update;
        switch (command)
        {
            case "set":
                return words.Skip(3).Any(word => System.Text.Ascii.EqualsIgnoreCase(word, "get"u8)) ? ReadWrite : Overwrite;
            case "bitfield":
                return BitfieldReadsOnly(words) ? ReadAccess : ReadWrite;
            case "sort" or "sort_ro":
                return position == 1 ? ReadAccess : Overwrite;
            default:
                var at = specs.FirstOrDefault(s => s.BeginSearch == BeginSearchKind.Index && s.Index == position) ?? (specs.Count > 0 ? specs[^1] : null);
                return at?.Flags ?? KeyAccess.None;
        }
    }

    /// <summary><c>bitfieldGetKeys</c>: true when every operation is a <c>GET</c> (or <c>OVERFLOW</c>), and none is malformed.</summary>
    private static bool BitfieldReadsOnly(byte[][] words)
    {
        for (var i = 2; i < words.Length; i++)
        {
            var remaining = words.Length - i - 1;
            if (System.Text.Ascii.EqualsIgnoreCase(words[i], "get"u8) && remaining >= 2)
            {
                i += 2;
            }
            else if ((System.Text.Ascii.EqualsIgnoreCase(words[i], "set"u8) || System.Text.Ascii.EqualsIgnoreCase(words[i], "incrby"u8))
                && remaining >= 3)
            {
                return false;
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(words[i], "overflow"u8) && remaining >= 1)
            {
                i += 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
