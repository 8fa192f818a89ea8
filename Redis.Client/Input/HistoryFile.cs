namespace Redis.Client.Input;

/// <summary>The REPL's history on disk, one command a line, like redis-cli's <c>~/.rediscli_history</c>.</summary>
/// <remarks>
/// Every line is appended as soon as it is entered, so history survives a crash or a killed terminal. The file is
/// rewritten with only the newest <see cref="MaxLines"/> lines once it holds twice that many, so it never grows without
/// bound. Failing to read or write history never stops the REPL; redis-cli is just as forgiving.
/// </remarks>
internal sealed class HistoryFile(string path, int maxLines = HistoryFile.DefaultMaxLines)
{
    public const int DefaultMaxLines = 1000;

    /// <summary>Environment variable naming another history file; <c>/dev/null</c> turns history off (redis-cli's <c>REDISCLI_HISTFILE</c>).</summary>
    public const string PathVariable = "REDISCLIENT_HISTFILE";

    private int _lines;
    private string? _last;

    public string Path => path;

    public int MaxLines => maxLines;

    /// <summary>The file named by <see cref="PathVariable"/>, or <c>.redisclient_history</c> in the user's home.</summary>
    public static string DefaultPath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".redisclient_history");
    }

    /// <summary>The newest lines, oldest first.</summary>
    public IReadOnlyList<string> Load()
    {
        try
        {
            if (!File.Exists(path))
            {
                return [];
            }

            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            _lines = lines.Length;
            _last = lines.LastOrDefault();
            return lines[Math.Max(0, lines.Length - maxLines)..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Appends a line, unless it repeats the previous one (linenoise keeps no consecutive duplicates either).</summary>
    public void Append(string line)
    {
        if (line.Length == 0 || line.Contains('\n', StringComparison.Ordinal) || line == _last)
        {
            return;
        }

        _last = line;
        try
        {
            File.AppendAllText(path, line + "\n");
            if (++_lines >= maxLines * 2)
            {
                var newest = File.ReadAllLines(path).Where(l => l.Length > 0).TakeLast(maxLines).ToArray();
                File.WriteAllLines(path, newest);
                _lines = newest.Length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience: a read-only home must not stop the REPL.
        }
    }
}
