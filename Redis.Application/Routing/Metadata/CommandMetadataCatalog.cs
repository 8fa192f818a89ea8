using System.Text.Json;

namespace Redis.Application.Routing.Metadata;

/// <summary>
/// Redis 7.0.15's metadata of every command, read from the embedded <c>commands.json</c> that
/// <c>scripts/generate-command-metadata.py</c> writes from Redis's <c>src/commands/*.json</c>.
/// </summary>
/// <remarks>
/// Parsed once, on first use (<see cref="Redis70"/>): only <c>COMMAND INFO</c>, <c>DOCS</c> and
/// <c>GETKEYSANDFLAGS</c> need it, so a server that is never asked pays nothing at start-up. The data is immutable,
/// so one instance serves every connection (ADR 0032).
/// </remarks>
public sealed class CommandMetadataCatalog
{
    private const string ResourceName = "Redis.Application.Routing.Metadata.commands.json";

    private static readonly Lazy<CommandMetadataCatalog> Lazy = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CommandMetadata> _byName = new(StringComparer.OrdinalIgnoreCase);

    private CommandMetadataCatalog(IReadOnlyList<CommandMetadata> commands)
    {
        Commands = commands;
        foreach (var command in commands)
        {
            _byName.Add(command.Name, command);
            foreach (var subcommand in command.Subcommands)
            {
                _byName.Add(subcommand.Name, subcommand);
            }
        }
    }

    /// <summary>The metadata of Redis 7.0.15, loaded on first use.</summary>
    public static CommandMetadataCatalog Redis70 => Lazy.Value;

    /// <summary>Every command of Redis 7.0.15 (containers with their subcommands nested), ordered by name.</summary>
    public IReadOnlyList<CommandMetadata> Commands { get; }

    /// <summary>The metadata of the command or subcommand (<c>config|get</c>) named <paramref name="name"/>, ignoring case.</summary>
    public CommandMetadata? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Parses a catalog from the generator's JSON (an array of commands).</summary>
    public static CommandMetadataCatalog Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return new([.. document.RootElement.EnumerateArray().Select(ReadCommand)]);
    }

    private static CommandMetadataCatalog Load()
    {
        using var stream = typeof(CommandMetadataCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes);
    }

    private static CommandMetadata ReadCommand(JsonElement json) => new()
    {
        Name = json.GetProperty("name").GetString()!,
        Summary = OptionalString(json, "summary"),
        Since = OptionalString(json, "since"),
        Group = json.GetProperty("group").GetString()!,
        Complexity = OptionalString(json, "complexity"),
        DocFlags = Strings(json, "doc_flags"),
        DeprecatedSince = OptionalString(json, "deprecated_since"),
        ReplacedBy = OptionalString(json, "replaced_by"),
        History = json.TryGetProperty("history", out var history)
            ? [.. history.EnumerateArray().Select(pair => (pair[0].GetString()!, pair[1].GetString()!))]
            : [],
        Arity = json.GetProperty("arity").GetInt32(),
        CommandFlags = Strings(json, "command_flags"),
        AclCategories = Strings(json, "acl_categories"),
        Tips = Strings(json, "tips"),
        KeySpecs = json.TryGetProperty("key_specs", out var specs) ? [.. specs.EnumerateArray().Select(ReadKeySpec)] : [],
        Arguments = ReadArguments(json),
        Subcommands = json.TryGetProperty("subcommands", out var subcommands)
            ? [.. subcommands.EnumerateArray().Select(ReadCommand)]
            : [],
    };

    private static KeySpec ReadKeySpec(JsonElement json)
    {
        var flags = KeyAccess.None;
        foreach (var flag in json.GetProperty("flags").EnumerateArray())
        {
            flags |= flag.GetString() switch
            {
                "RO" => KeyAccess.RO,
                "RW" => KeyAccess.RW,
                "OW" => KeyAccess.OW,
                "RM" => KeyAccess.RM,
                "ACCESS" => KeyAccess.Access,
                "UPDATE" => KeyAccess.Update,
                "INSERT" => KeyAccess.Insert,
                "DELETE" => KeyAccess.Delete,
                "NOT_KEY" => KeyAccess.NotKey,
                "INCOMPLETE" => KeyAccess.Incomplete,
                "VARIABLE_FLAGS" => KeyAccess.VariableFlags,
                var other => throw new InvalidDataException($"Unknown key spec flag '{other}'."),
            };
        }

        var begin = json.GetProperty("begin_search");
        var find = json.GetProperty("find_keys");
        var index = begin.TryGetProperty("index", out var bsIndex) ? bsIndex : default;
        var keyword = begin.TryGetProperty("keyword", out var bsKeyword) ? bsKeyword : default;
        var range = find.TryGetProperty("range", out var fkRange) ? fkRange : default;
        var keynum = find.TryGetProperty("keynum", out var fkKeynum) ? fkKeynum : default;
        return new KeySpec(
            OptionalString(json, "notes"),
            flags,
            index.ValueKind == JsonValueKind.Object ? BeginSearchKind.Index
                : keyword.ValueKind == JsonValueKind.Object ? BeginSearchKind.Keyword
                : BeginSearchKind.Unknown,
            Int(index, "pos"),
            keyword.ValueKind == JsonValueKind.Object ? keyword.GetProperty("keyword").GetString() : null,
            Int(keyword, "startfrom"),
            range.ValueKind == JsonValueKind.Object ? FindKeysKind.Range
                : keynum.ValueKind == JsonValueKind.Object ? FindKeysKind.Keynum
                : FindKeysKind.Unknown,
            Int(range, "lastkey"),
            range.ValueKind == JsonValueKind.Object ? Int(range, "step") : Int(keynum, "step"),
            Int(range, "limit"),
            Int(keynum, "keynumidx"),
            Int(keynum, "firstkey"));
    }

    private static IReadOnlyList<CommandArgument> ReadArguments(JsonElement json) =>
        json.TryGetProperty("arguments", out var arguments)
            ? [.. arguments.EnumerateArray().Select(arg => new CommandArgument(
                arg.GetProperty("name").GetString()!,
                arg.GetProperty("type").GetString()!,
                arg.TryGetProperty("key_spec_index", out var keySpecIndex) ? keySpecIndex.GetInt32() : -1,
                OptionalString(arg, "token"),
                OptionalString(arg, "summary"),
                OptionalString(arg, "since"),
                OptionalString(arg, "deprecated_since"),
                Strings(arg, "flags"),
                ReadArguments(arg)))]
            : [];

    private static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string[] Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(item => item.GetString()!)] : [];

    private static int Int(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
}
