using System.Globalization;
using System.Text;
using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Common;

/// <summary>
/// Redis's slow log (<c>slowlog.c</c>): the commands that ran at least <c>slowlog-log-slower-than</c> microseconds,
/// newest first, at most <c>slowlog-max-len</c> of them.
/// </summary>
/// <remarks>
/// The router times each command with one pair of timestamps and asks <see cref="IsSlow"/>, a comparison; only a
/// command that is logged allocates, for its copy of the arguments. Only the serving thread uses it.
/// </remarks>
public sealed class SlowLog
{
    /// <summary>Redis's <c>SLOWLOG_ENTRY_MAX_ARGC</c>: an entry keeps at most this many words, the last one saying how many more there were.</summary>
    public const int MaxArguments = 32;

    /// <summary>Redis's <c>SLOWLOG_ENTRY_MAX_STRING</c>: a longer word is cut to this many bytes, followed by how many more there were.</summary>
    public const int MaxArgumentLength = 128;

    private static readonly byte[] Redacted = "(redacted)"u8.ToArray();

    private readonly LinkedList<SlowLogEntry> _entries = new();
    private readonly LiveSetting _slowerThan;
    private readonly LiveSetting _maxLength;
    private long _nextId;

    public SlowLog(IServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _slowerThan = new LiveSetting(settings, "slowlog-log-slower-than", 10_000);
        _maxLength = new LiveSetting(settings, "slowlog-max-len", 128);
        settings.Changed += name =>
        {
            if (name == "slowlog-max-len")
            {
                Trim();
            }
        };
    }

    /// <summary>Entries kept (<c>SLOWLOG LEN</c>).</summary>
    public int Count => _entries.Count;

    /// <summary>The entries, newest first.</summary>
    public IEnumerable<SlowLogEntry> Entries => _entries;

    /// <summary>True when a command that ran <paramref name="microseconds"/> is logged: the log is on (not -1) and it took at least the threshold.</summary>
    public bool IsSlow(long microseconds)
    {
        var threshold = _slowerThan.Value;
        return threshold >= 0 && microseconds >= threshold;
    }

    /// <summary>Redis's <c>slowlogPushEntryIfNeeded</c> for a command <see cref="IsSlow"/> found slow.</summary>
    public void Add(ClientSession session, CommandArgs args, long microseconds, long unixSeconds)
    {
        ArgumentNullException.ThrowIfNull(session);
        var kept = Math.Min(args.Count, MaxArguments);
        var words = new byte[kept][];
        for (var i = 0; i < kept; i++)
        {
            words[i] = kept != args.Count && i == kept - 1
                ? Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"... ({args.Count - kept + 1} more arguments)"))
                : IsRedacted(args, i) ? Redacted : Cut(args[i]);
        }

        _entries.AddFirst(new SlowLogEntry(
            _nextId++, unixSeconds, microseconds, words,
            Encoding.ASCII.GetBytes(session.RemoteAddress ?? string.Empty), session.Name ?? []));
        Trim();
    }

    /// <summary><c>SLOWLOG RESET</c>: drops every entry; ids go on counting.</summary>
    public void Reset() => _entries.Clear();

    private void Trim()
    {
        while (_entries.Count > 0 && _entries.Count > _maxLength.Value)
        {
            _entries.RemoveLast();
        }
    }

    private static byte[] Cut(ReadOnlySpan<byte> word)
    {
        if (word.Length <= MaxArgumentLength)
        {
            return word.ToArray();
        }

        var suffix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"... ({word.Length - MaxArgumentLength} more bytes)"));
        return [.. word[..MaxArgumentLength], .. suffix];
    }

    /// <summary>
    /// Redis's <c>redactClientCommandArgument</c>: the passwords of <c>AUTH</c> and <c>HELLO ... AUTH</c> and the value of
    /// <c>CONFIG SET requirepass</c> (a <c>SENSITIVE_CONFIG</c>) are logged as <c>(redacted)</c>.
    /// </summary>
    private static bool IsRedacted(CommandArgs args, int index)
    {
        if (index == 0)
        {
            return false;
        }

        var name = args[0];
        if (Ascii.EqualsIgnoreCase(name, "auth"u8))
        {
            return true;
        }

        if (Ascii.EqualsIgnoreCase(name, "hello"u8))
        {
            for (var i = 2; i < args.Count - 2; i++)
            {
                if (Ascii.EqualsIgnoreCase(args[i], "auth"u8) && (index == i + 1 || index == i + 2))
                {
                    return true;
                }
            }

            return false;
        }

        return Ascii.EqualsIgnoreCase(name, "config"u8) && args.Count > 2 && Ascii.EqualsIgnoreCase(args[1], "set"u8)
            && index >= 3 && index % 2 == 1 && Ascii.EqualsIgnoreCase(args[index - 1], "requirepass"u8);
    }
}
