using System.Globalization;
using System.Text;

namespace Redis.Infrastructure.Persistence;

/// <summary>What kind of file a manifest line names (Redis's <c>aof_file_type</c>).</summary>
public enum AofFileType
{
    /// <summary><c>b</c>: the dataset at the last rewrite, RDB (<c>aof-use-rdb-preamble yes</c>) or commands.</summary>
    Base,

    /// <summary><c>i</c>: the writes since, as commands; the last one is the file written now.</summary>
    Incremental,

    /// <summary><c>h</c>: a file a rewrite made obsolete, deleted once the manifest no longer needs it.</summary>
    History,
}

/// <summary>One line of the manifest: <c>file NAME seq N type b|i|h</c>.</summary>
public sealed record AofFileInfo(string Name, long Sequence, AofFileType Type);

/// <summary>
/// Redis 7's multi-part append-only file: the manifest (<c>appendfilename.manifest</c> in <c>appenddirname</c>) that
/// names one base file, the incremental files replayed after it in order, and the history files a rewrite left; the
/// names are Redis's, <c>appendonly.aof.1.base.rdb</c>, <c>appendonly.aof.1.incr.aof</c>.
/// </summary>
/// <remarks>
/// Read as Redis's <c>aofLoadManifestFromFile</c> reads it: <c>#</c> lines skipped, key/value pairs in any order
/// (unknown keys ignored), one base at most, incremental sequence numbers strictly increasing, a file name that is
/// not a path. Any other line makes the whole manifest invalid (<see cref="AofFormatException"/>). Immutable: a
/// change is a new manifest, written to a temporary file and renamed over the old, so a crash leaves one or the other.
/// </remarks>
public sealed class AofManifest
{
    private const string BaseSuffix = ".base";
    private const string IncrSuffix = ".incr";

    private AofManifest(string fileName, AofFileInfo? baseFile, IReadOnlyList<AofFileInfo> incremental, IReadOnlyList<AofFileInfo> history, long baseSequence, long incrSequence)
    {
        FileName = fileName;
        BaseFile = baseFile;
        Incremental = incremental;
        History = history;
        BaseSequence = baseSequence;
        IncrementalSequence = incrSequence;
    }

    /// <summary><c>appendfilename</c>, the prefix of every file's name.</summary>
    public string FileName { get; }

    public AofFileInfo? BaseFile { get; }

    /// <summary>The incremental files in replay order; the last is the one appended to.</summary>
    public IReadOnlyList<AofFileInfo> Incremental { get; }

    public IReadOnlyList<AofFileInfo> History { get; }

    /// <summary>The sequence of the last base file named (<c>curr_base_file_seq</c>).</summary>
    public long BaseSequence { get; }

    /// <summary>The sequence of the last incremental file named (<c>curr_incr_file_seq</c>).</summary>
    public long IncrementalSequence { get; }

    /// <summary>True when the manifest names no file: the server starts empty and writes a base.</summary>
    public bool IsEmpty => BaseFile is null && Incremental.Count == 0;

    /// <summary>The manifest's own name, <c>appendfilename.manifest</c>.</summary>
    public static string ManifestName(string fileName) => fileName + ".manifest";

    /// <summary>A manifest naming nothing yet.</summary>
    public static AofManifest Empty(string fileName) => new(fileName, null, [], [], 0, 0);

    /// <summary>
    /// Redis's <c>getNewBaseFileNameAndMarkPreAsHistory</c>: a new base, the old one (if any) becoming history.
    /// </summary>
    public AofManifest WithNewBase(bool rdbPreamble, out AofFileInfo baseFile)
    {
        var sequence = BaseSequence + 1;
        baseFile = new AofFileInfo($"{FileName}.{sequence}{BaseSuffix}{(rdbPreamble ? ".rdb" : ".aof")}", sequence, AofFileType.Base);
        var history = BaseFile is null ? History : [BaseFile with { Type = AofFileType.History }, .. History];
        return new AofManifest(FileName, baseFile, Incremental, history, sequence, IncrementalSequence);
    }

    /// <summary>Redis's <c>getNewIncrAofName</c>: a new incremental file after the others.</summary>
    public AofManifest WithNewIncremental(out AofFileInfo incremental)
    {
        var sequence = IncrementalSequence + 1;
        incremental = new AofFileInfo($"{FileName}.{sequence}{IncrSuffix}.aof", sequence, AofFileType.Incremental);
        return new AofManifest(FileName, BaseFile, [.. Incremental, incremental], History, BaseSequence, sequence);
    }

    /// <summary>
    /// Redis's <c>markRewrittenIncrAofAsHistory</c>: the incremental files a rewrite's base now holds become history,
    /// all but the last (the one written to, opened when the rewrite began) when <paramref name="keepLast"/>.
    /// </summary>
    public AofManifest WithRewrittenIncrementalsAsHistory(bool keepLast)
    {
        var kept = keepLast && Incremental.Count > 0 ? 1 : 0;
        var rewritten = Incremental.Take(Incremental.Count - kept).Select(static f => f with { Type = AofFileType.History });
        return new AofManifest(FileName, BaseFile, [.. Incremental.Skip(Incremental.Count - kept)], [.. History, .. rewritten], BaseSequence, IncrementalSequence);
    }

    /// <summary>Redis's <c>getTempIncrAofName</c>: the file the writes go to while the first base is written, after <c>CONFIG SET appendonly yes</c>.</summary>
    public string TempIncrementalName => $"temp-{FileName}{IncrSuffix}";

    /// <summary>The same files, no history (once those are deleted).</summary>
    public AofManifest WithoutHistory() => new(FileName, BaseFile, Incremental, [], BaseSequence, IncrementalSequence);

    /// <summary>Redis's <c>getAofManifestAsString</c>: the base, the history, then the incremental files, one per line.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        foreach (var file in (IEnumerable<AofFileInfo>)[.. BaseFile is null ? [] : new[] { BaseFile }, .. History, .. Incremental])
        {
            var type = file.Type switch { AofFileType.Base => 'b', AofFileType.Incremental => 'i', _ => 'h' };
            text.Append(CultureInfo.InvariantCulture, $"file {file.Name} seq {file.Sequence} type {type}\n");
        }

        return text.ToString();
    }

    /// <summary>Reads a manifest as Redis does; throws <see cref="AofFormatException"/> with Redis's reason for a bad one.</summary>
    public static AofManifest Parse(string fileName, string text)
    {
        AofFileInfo? baseFile = null;
        var incremental = new List<AofFileInfo>();
        var history = new List<AofFileInfo>();
        long baseSequence = 0, maxSequence = 0;
        var lines = text.Split('\n');
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            if (lineNumber == lines.Length && raw.Length == 0)
            {
                break;
            }

            if (raw.StartsWith('#'))
            {
                continue;
            }

            var line = raw.Trim(' ', '\t', '\r');
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 6 || words.Length % 2 != 0)
            {
                throw Invalid(lineNumber, line, "Invalid AOF manifest file format");
            }

            string? name = null;
            long sequence = 0;
            char type = '\0';
            for (var i = 0; i < words.Length; i += 2)
            {
                switch (words[i].ToLowerInvariant())
                {
                    case "file":
                        name = words[i + 1];
                        if (name.Contains('/', StringComparison.Ordinal))
                        {
                            throw Invalid(lineNumber, line, "File can't be a path, just a filename");
                        }

                        break;
                    case "seq":
                        _ = long.TryParse(words[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out sequence);
                        break;
                    case "type":
                        type = words[i + 1][0];
                        break;
                }
            }

            if (name is null || sequence == 0 || type == '\0')
            {
                throw Invalid(lineNumber, line, "Invalid AOF manifest file format");
            }

            switch (type)
            {
                case 'b':
                    if (baseFile is not null)
                    {
                        throw Invalid(lineNumber, line, "Found duplicate base file information");
                    }

                    baseFile = new AofFileInfo(name, sequence, AofFileType.Base);
                    baseSequence = sequence;
                    break;
                case 'h':
                    history.Add(new AofFileInfo(name, sequence, AofFileType.History));
                    break;
                case 'i':
                    if (sequence <= maxSequence)
                    {
                        throw Invalid(lineNumber, line, "Found a non-monotonic sequence number");
                    }

                    incremental.Add(new AofFileInfo(name, sequence, AofFileType.Incremental));
                    maxSequence = sequence;
                    break;
                default:
                    throw Invalid(lineNumber, line, "Unknown AOF file type");
            }
        }

        if (lineNumber == 0 || (lineNumber == 1 && lines[0].Length == 0))
        {
            throw new AofFormatException("Found an empty AOF manifest");
        }

        return new AofManifest(fileName, baseFile, incremental, history, baseSequence, maxSequence);
    }

    private static AofFormatException Invalid(int line, string text, string reason) =>
        new($"{reason} (the manifest, at line {line}: '{text}')");
}
