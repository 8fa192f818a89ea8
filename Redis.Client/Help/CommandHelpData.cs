using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Redis.Client.Help;

/// <summary>Reads and writes the help table the client embeds (<c>Help/commands.json</c>).</summary>
/// <remarks>
/// The file is generated from the server's command table: <c>scripts/update-client-help.sh</c> writes it, and
/// <c>CommandHelpDataTests</c> fails when it no longer matches the table, naming that script.
/// </remarks>
internal static class CommandHelpData
{
    private const string ResourceName = "Redis.Client.Help.commands.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // The file is read by people too: 'default' and <subcommand> as they are, not as \u0027 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The table embedded in this build of the client.</summary>
    public static IReadOnlyList<CommandHelpEntry> Embedded()
    {
        using var stream = typeof(CommandHelpData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The client was built without its help table ({ResourceName}).");
        return Parse(stream);
    }

    public static IReadOnlyList<CommandHelpEntry> Parse(Stream json) =>
        JsonSerializer.Deserialize<List<CommandHelpEntry>>(json, Options) ?? [];

    /// <summary>The file's text for <paramref name="entries"/>, ordered by name, with a final newline.</summary>
    public static string Serialize(IEnumerable<CommandHelpEntry> entries) =>
        JsonSerializer.Serialize(entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList(), Options).ReplaceLineEndings("\n") + "\n";
}
