using System.Globalization;
using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>Every live key of some databases as one line of text (database, key, type, encoding, expiry, contents), sorted, for comparing two datasets.</summary>
internal static class DatasetDescription
{
    public static List<string> Of(Databases databases, long now)
    {
        var lines = new List<string>();
        for (var index = 0; index < databases.Count; index++)
        {
            var keyspace = databases[index];
            foreach (var key in keyspace.LiveKeys(now).Select(k => k.ToArray()).ToList())
            {
                keyspace.TryGetExpiry(key, now, out var expiresAt);
                keyspace.TypeOf(key, now, out var value);
                lines.Add($"{index} {Text(key)} ttl={(expiresAt == Entry.NoExpiry ? "-" : expiresAt.ToString(CultureInfo.InvariantCulture))} {Contents(keyspace, key, value, now)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Contents(Keyspace keyspace, byte[] key, TypedValue? value, long now)
    {
        switch (value)
        {
            case null:
                keyspace.Get(key, now, out var entry);
                var text = Text(entry.Value.Span);
                keyspace.EndCommand();
                return $"string {text}";
            case HashValue hash:
                var pairs = Enumerable.Range(0, hash.Length).Select(i => $"{Text(hash.FieldAt(i))}={Text(hash.ValueAt(i))}").Order(StringComparer.Ordinal);
                return $"hash/{hash.Encoding} {string.Join(',', pairs)}";
            case ListValue list:
                return $"list/{list.Encoding} {string.Join(',', Enumerable.Range(0, list.Length).Select(i => Text(list[i])))}";
            case SetValue set:
                var members = Enumerable.Range(0, (int)set.Count).Select(i => Text(set.MemberAt(i))).Order(StringComparer.Ordinal);
                return $"set/{set.Encoding} {string.Join(',', members)}";
            case SortedSetValue zset:
                var entries = Enumerable.Range(0, (int)zset.Count).Select(i => zset.ElementAt(i)).Select(e => $"{Text(e.Member)}:{e.Score.ToString("R", CultureInfo.InvariantCulture)}");
                return $"zset/{zset.Encoding} {string.Join(',', entries)}";
            default:
                throw new InvalidOperationException($"No description for {value.GetType().Name}.");
        }
    }

    // Long values are summarised by length and a hash, so a failure message stays readable.
    private static string Text(ReadOnlySpan<byte> bytes) => bytes.Length <= 64
        ? Encoding.UTF8.GetString(bytes)
        : $"<{bytes.Length} bytes {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}>";
}
