using Redis.Application.Routing;
using Redis.Application.Routing.Metadata;

namespace Redis.Application.Tests.Routing.Metadata;

/// <summary>
/// Every command and subcommand of the command table has Redis 7.0.15's metadata, and its <see cref="CommandSpec"/>
/// agrees with it on arity, flags and first/last/step, so <c>COMMAND INFO</c> and <c>DOCS</c> answer as redis-server.
/// </summary>
public class CommandMetadataCoverageTests
{
    /// <summary>
    /// Commands the server has that Redis 7.0.15 does not: they answer <c>COMMAND DOCS</c> from their own
    /// <see cref="CommandSpec.Doc"/>, and <c>COMMAND INFO</c> with no tips or key specs.
    /// </summary>
    private static readonly HashSet<string> NewerThanRedis70 = new(StringComparer.Ordinal) { "client|setinfo" };

    /// <summary>The JSON flags that neither COMMAND INFO shows nor the server acts on (sentinel builds only).</summary>
    private static readonly HashSet<string> SentinelFlags = new(StringComparer.Ordinal) { "sentinel", "only_sentinel" };

    public static TheoryData<string> CommandNames()
    {
        var names = new TheoryData<string>();
        foreach (var spec in AllSpecs())
        {
            names.Add(spec.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void SpecAgreesWithRedis70Metadata(string name)
    {
        var spec = AllSpecs().Single(s => s.Name == name);
        if (NewerThanRedis70.Contains(name))
        {
            Assert.Null(CommandMetadataCatalog.Redis70.Find(name));
            return;
        }

        var metadata = CommandMetadataCatalog.Redis70.Find(name);
        Assert.True(metadata is not null,
            $"'{name}' has no entry in Redis.Application/Routing/Metadata/commands.json: a command Redis 7.0.15 does not "
            + "have goes in NewerThanRedis70 here, or regenerate the file with scripts/generate-command-metadata.py.");

        var problems = Disagreements(spec, metadata);
        Assert.True(problems.Count == 0,
            $"The CommandSpec of '{name}' (in its binder) disagrees with src/commands/*.json of Redis 7.0.15: "
            + string.Join("; ", problems));
    }

    [Fact]
    public void CatalogHoldsEveryCommandOfRedis70()
    {
        var catalog = CommandMetadataCatalog.Redis70;

        Assert.Equal(241, catalog.Commands.Count);
        Assert.Equal(147, catalog.Commands.Sum(c => c.Subcommands.Count));
        Assert.NotNull(catalog.Find("EVAL"));
        Assert.NotNull(catalog.Find("script|load"));
    }

    /// <summary>What a spec's author must change, each a sentence naming the field and both values.</summary>
    internal static List<string> Disagreements(CommandSpec spec, CommandMetadata metadata)
    {
        var problems = new List<string>();
        if (spec.Arity != metadata.Arity)
        {
            problems.Add($"arity is {spec.Arity}, Redis's {metadata.Arity}");
        }

        var (first, last, step, movable) = metadata.LegacyKeyRange;
        var expected = metadata.CommandFlags.Select(f => f.ToLowerInvariant()).Where(f => !SentinelFlags.Contains(f)).ToHashSet();
        if (movable)
        {
            expected.Add("movablekeys");
        }

        var missing = expected.Except(spec.Flags).Order(StringComparer.Ordinal).ToList();
        var extra = spec.Flags.Except(expected).Where(f => !SentinelFlags.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"flags lack {string.Join(", ", missing)}");
        }

        if (extra.Count > 0)
        {
            problems.Add($"flags have {string.Join(", ", extra)}, which Redis's do not");
        }

        if ((spec.FirstKey, spec.LastKey, spec.Step) != (first, last, step))
        {
            problems.Add($"first/last/step are {spec.FirstKey}/{spec.LastKey}/{spec.Step}, Redis's {first}/{last}/{step}");
        }

        return problems;
    }

    private static IEnumerable<CommandSpec> AllSpecs() =>
        CommandTable.FromAssembly().Commands.SelectMany(spec => new[] { spec }.Concat(spec.Subcommands));
}
