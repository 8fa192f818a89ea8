using System.Globalization;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// The <c>save</c> setting: pairs of seconds and changes, <c>"3600 1 300 100 60 10000"</c>; a background save starts
/// once, for one pair, that many seconds have passed since the last save and at least that many keys changed.
/// </summary>
/// <param name="Points">The pairs, in the order given; none for "no snapshots" (an empty <c>save</c>).</param>
public sealed record SavePoints(IReadOnlyList<SavePoint> Points)
{
    /// <summary>No save points: the server saves only when asked (<c>SAVE</c>, <c>BGSAVE</c>, <c>SHUTDOWN SAVE</c>).</summary>
    public static SavePoints None { get; } = new([]);

    /// <summary>Redis's error for any malformed value.</summary>
    public const string InvalidText = "Invalid save parameters";

    /// <summary>
    /// Redis's <c>setConfigSaveOption</c> over the words of <c>sdssplitlen(value, " ")</c>: every single space splits,
    /// so two spaces make an empty word, which <c>strtoll</c> reads as 0. An even number of words, seconds at least 1
    /// and changes at least 0, each a whole decimal number; an empty value means none.
    /// </summary>
    public static bool TryParse(string? text, out SavePoints points)
    {
        points = None;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var words = text.Split(' ');
        if (words.Length % 2 != 0)
        {
            return false;
        }

        var parsed = new SavePoint[words.Length / 2];
        for (var i = 0; i < parsed.Length; i++)
        {
            if (!TryParseWord(words[2 * i], out var seconds) || seconds < 1 || !TryParseWord(words[(2 * i) + 1], out var changes) || changes < 0)
            {
                return false;
            }

            // Redis keeps the count in an int.
            parsed[i] = new SavePoint(seconds, (int)changes);
        }

        points = new SavePoints(parsed);
        return true;
    }

    // strtoll with the whole word consumed: leading white space and a sign allowed, nothing after the digits; "" is 0.
    private static bool TryParseWord(string word, out long value)
    {
        value = 0;
        return word.Length == 0 || long.TryParse(word, NumberStyles.AllowLeadingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when at least one pair is set.</summary>
    public bool Any => Points.Count != 0;

    /// <summary>Redis's <c>serverCron</c> test: the first pair whose changes are reached and whose seconds are passed.</summary>
    public SavePoint? Due(long changes, long secondsSinceLastSave)
    {
        foreach (var point in Points)
        {
            if (changes >= point.Changes && secondsSinceLastSave > point.Seconds)
            {
                return point;
            }
        }

        return null;
    }

    /// <summary>As <c>CONFIG GET save</c> shows it: <c>"3600 1 300 100"</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Seconds} {p.Changes}")));
}

/// <summary>One pair of the <c>save</c> setting.</summary>
public readonly record struct SavePoint(long Seconds, int Changes);
