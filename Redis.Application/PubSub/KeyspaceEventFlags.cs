using System.Text;

namespace Redis.Application.PubSub;

/// <summary>The text form of <c>notify-keyspace-events</c>: Redis 7.0.15's <c>notify.c</c> parse and canonical form.</summary>
public static class KeyspaceEventFlags
{
    /// <summary>The reason <c>CONFIG SET</c> gives for a letter that is no class (<c>config.c</c>).</summary>
    public const string InvalidClass = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    /// <summary><c>keyspaceEventsStringToFlags</c>: false when a character maps to no class.</summary>
    public static bool TryParse(string text, out KeyspaceEventClasses classes)
    {
        ArgumentNullException.ThrowIfNull(text);
        classes = KeyspaceEventClasses.None;
        foreach (var c in text)
        {
            classes |= c switch
            {
                'A' => KeyspaceEventClasses.All,
                'g' => KeyspaceEventClasses.Generic,
                '$' => KeyspaceEventClasses.String,
                'l' => KeyspaceEventClasses.List,
                's' => KeyspaceEventClasses.Set,
                'h' => KeyspaceEventClasses.Hash,
                'z' => KeyspaceEventClasses.SortedSet,
                'x' => KeyspaceEventClasses.Expired,
                'e' => KeyspaceEventClasses.Evicted,
                'K' => KeyspaceEventClasses.Keyspace,
                'E' => KeyspaceEventClasses.Keyevent,
                't' => KeyspaceEventClasses.Stream,
                'm' => KeyspaceEventClasses.KeyMiss,
                'd' => KeyspaceEventClasses.Module,
                'n' => KeyspaceEventClasses.New,
                _ => (KeyspaceEventClasses)(-1),
            };

            if (classes == (KeyspaceEventClasses)(-1))
            {
                classes = KeyspaceEventClasses.None;
                return false;
            }
        }

        return true;
    }

    /// <summary><c>keyspaceEventsFlagsToString</c>: <c>A</c> for all of it, else the letters in Redis's order; then <c>K</c>, <c>E</c>, <c>m</c>.</summary>
    public static string Format(KeyspaceEventClasses classes)
    {
        var text = new StringBuilder();
        if ((classes & KeyspaceEventClasses.All) == KeyspaceEventClasses.All)
        {
            text.Append('A');
        }
        else
        {
            Append(text, classes, KeyspaceEventClasses.Generic, 'g');
            Append(text, classes, KeyspaceEventClasses.String, '$');
            Append(text, classes, KeyspaceEventClasses.List, 'l');
            Append(text, classes, KeyspaceEventClasses.Set, 's');
            Append(text, classes, KeyspaceEventClasses.Hash, 'h');
            Append(text, classes, KeyspaceEventClasses.SortedSet, 'z');
            Append(text, classes, KeyspaceEventClasses.Expired, 'x');
            Append(text, classes, KeyspaceEventClasses.Evicted, 'e');
            Append(text, classes, KeyspaceEventClasses.Stream, 't');
            Append(text, classes, KeyspaceEventClasses.Module, 'd');
            Append(text, classes, KeyspaceEventClasses.New, 'n');
        }

        Append(text, classes, KeyspaceEventClasses.Keyspace, 'K');
        Append(text, classes, KeyspaceEventClasses.Keyevent, 'E');
        Append(text, classes, KeyspaceEventClasses.KeyMiss, 'm');
        return text.ToString();
    }

    private static void Append(StringBuilder text, KeyspaceEventClasses classes, KeyspaceEventClasses one, char letter)
    {
        if ((classes & one) != 0)
        {
            text.Append(letter);
        }
    }
}
