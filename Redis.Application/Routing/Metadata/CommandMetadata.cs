namespace Redis.Application.Routing.Metadata;

/// <summary>
/// What Redis 7.0.15 declares of one command in <c>src/commands/*.json</c>: its documentation for <c>COMMAND DOCS</c>,
/// and its tips, ACL categories and key specs for <c>COMMAND INFO</c>.
/// </summary>
/// <remarks>
/// The arity and flags are Redis's too, but the server answers with its own <see cref="CommandSpec"/>: the coverage
/// test holds the two in agreement, and <see cref="LegacyKeyRange"/> derives the first/last/step Redis reports.
/// </remarks>
public sealed class CommandMetadata
{
    /// <summary>Lower case; a subcommand's is <c>container|sub</c>.</summary>
    public required string Name { get; init; }

    public string? Summary { get; init; }

    public string? Since { get; init; }

    /// <summary>As <c>COMMAND DOCS</c> spells it (<c>sorted-set</c>, not the JSON's <c>sorted_set</c>).</summary>
    public required string Group { get; init; }

    public string? Complexity { get; init; }

    /// <summary><c>deprecated</c>, <c>syscmd</c>.</summary>
    public IReadOnlyList<string> DocFlags { get; init; } = [];

    public string? DeprecatedSince { get; init; }

    public string? ReplacedBy { get; init; }

    /// <summary>The (version, change) pairs of the command's history.</summary>
    public IReadOnlyList<(string Since, string Changes)> History { get; init; } = [];

    public required int Arity { get; init; }

    /// <summary>The JSON's <c>command_flags</c>, upper case as declared (<c>WRITE</c>, <c>NO_AUTH</c>).</summary>
    public IReadOnlyList<string> CommandFlags { get; init; } = [];

    /// <summary>The JSON's explicit <c>acl_categories</c>, upper case as declared (<c>KEYSPACE</c>, <c>STRING</c>).</summary>
    public IReadOnlyList<string> AclCategories { get; init; } = [];

    /// <summary>The command tips, lower case (<c>nondeterministic_output</c>, <c>request_policy:all_shards</c>).</summary>
    public IReadOnlyList<string> Tips { get; init; } = [];

    public IReadOnlyList<KeySpec> KeySpecs { get; init; } = [];

    public IReadOnlyList<CommandArgument> Arguments { get; init; } = [];

    /// <summary>A container's subcommands, ordered by name; empty for the others.</summary>
    public IReadOnlyList<CommandMetadata> Subcommands { get; init; } = [];

    /// <summary>
    /// The first key, last key and step <c>COMMAND INFO</c> reports, and whether the command is <c>movablekeys</c>:
    /// Redis's <c>populateCommandLegacyRangeSpec</c>, which glues consecutive range specs of step 1 into one range
    /// and marks movable any command with a spec outside it.
    /// </summary>
    public (int First, int Last, int Step, bool MovableKeys) LegacyKeyRange
    {
        get
        {
            if (KeySpecs.Count == 0)
            {
                return (0, 0, 0, false);
            }

            if (KeySpecs is [{ BeginSearch: BeginSearchKind.Index, FindKeys: FindKeysKind.Range } only])
            {
                return (only.Index, only.LastKey >= 0 ? only.LastKey + only.Index : only.LastKey, only.KeyStep,
                    (only.Flags & KeyAccess.Incomplete) != 0);
            }

            int first = int.MaxValue, last = 0, previousLast = 0;
            var movable = false;
            foreach (var spec in KeySpecs)
            {
                if (spec.BeginSearch != BeginSearchKind.Index || spec.FindKeys != FindKeysKind.Range
                    || spec.KeyStep != 1 || (previousLast != 0 && previousLast != spec.Index - 1))
                {
                    movable = true;
                    continue;
                }

                movable |= (spec.Flags & KeyAccess.Incomplete) != 0;
                first = Math.Min(first, spec.Index);
                var absoluteLast = spec.LastKey >= 0 ? spec.LastKey + spec.Index : spec.LastKey;

                // Redis compares unsigned, so a negative last key (counted from the end) wins over any position.
                last = (uint)last >= (uint)absoluteLast ? last : absoluteLast;
                previousLast = last;
            }

            return first == int.MaxValue ? (0, 0, 0, true) : (first, last, 1, movable);
        }
    }
}
