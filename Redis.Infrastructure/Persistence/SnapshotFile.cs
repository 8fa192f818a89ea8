using System.Globalization;
using System.Text;
using Redis.Application.Common;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Writes a point-in-time snapshot (ADR 0029) as a whole file: an RDB file (<c>SAVE</c>, <c>BGSAVE</c>, and the base of
/// the append-only file with <c>aof-use-rdb-preamble yes</c>), or the commands that rebuild it (the base with
/// <c>aof-use-rdb-preamble no</c>, Redis's <c>rewriteAppendOnlyFileRio</c>). Any thread: it reads only the snapshot.
/// </summary>
public static class SnapshotFile
{
    // rewriteAppendOnlyFileRio's AOF_REWRITE_ITEMS_PER_CMD: a collection is written 64 elements per command.
    private const int ItemsPerCommand = 64;

    // The writers check for cancellation every so many keys.
    private const int CancelCheckInterval = 1024;

    // The command names, allocated once rather than once per key written.
    private static readonly byte[] SelectName = "SELECT"u8.ToArray(), PExpireAtName = "PEXPIREAT"u8.ToArray(), SetName = "SET"u8.ToArray(),
        RPushName = "RPUSH"u8.ToArray(), SAddName = "SADD"u8.ToArray(), ZAddName = "ZADD"u8.ToArray(), HMSetName = "HMSET"u8.ToArray();

    /// <summary>The RDB file of <paramref name="snapshot"/>, with Redis 7.0's aux fields (<c>aof-base</c> 1 for an append-only base).</summary>
    public static void WriteRdb(Stream file, DatasetSnapshot snapshot, RdbWriterOptions options, TimeProvider time, bool aofBase, CancellationToken cancel)
    {
        using var writer = new RdbWriter(file, options);
        writer.WriteHeader();
        writer.WriteAux("redis-ver", RedisCompatibility.Version);
        writer.WriteAux("redis-bits", 64);
        writer.WriteAux("ctime", time.GetUtcNow().ToUnixTimeSeconds());
        writer.WriteAux("used-mem", GC.GetTotalMemory(forceFullCollection: false));
        writer.WriteAux("aof-base", aofBase ? 1 : 0);
        foreach (var image in snapshot.Databases)
        {
            if (image.Count == 0)
            {
                continue;
            }

            writer.WriteDatabase(image.Index, image.Count, image.VolatileCount);
            for (var i = 0; i < image.Count; i++)
            {
                if (i % CancelCheckInterval == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                var entry = image[i];
                var expiresAt = entry.ExpiresAt == Entry.NoExpiry ? -1 : entry.ExpiresAt;
                var (idle, frequency) = snapshot.Clock.Saved(entry.Clock);
                if (entry.Value is null)
                {
                    writer.WriteString(entry.Key.Span, entry.String.Span, expiresAt, idle, frequency);
                }
                else
                {
                    writer.WriteValue(entry.Key.Span, entry.Value, expiresAt, idle, frequency);
                }
            }
        }

        writer.Finish();
    }

    /// <summary>
    /// The commands that rebuild <paramref name="snapshot"/> (Redis's <c>rewriteAppendOnlyFileRio</c>): per database a
    /// <c>SELECT</c>, then per key <c>SET</c>, <c>RPUSH</c>, <c>SADD</c>, <c>ZADD</c> or <c>HMSET</c> (64 elements per
    /// command) and <c>PEXPIREAT</c> for a key with a TTL.
    /// </summary>
    public static void WriteCommands(Stream file, DatasetSnapshot snapshot, CancellationToken cancel)
    {
        var commands = new RequestWriter();
        var words = new List<ReadOnlyMemory<byte>>(ItemsPerCommand * 2 + 2);
        foreach (var image in snapshot.Databases)
        {
            if (image.Count == 0)
            {
                continue;
            }

            commands.Write(SelectName, Number(image.Index));
            for (var i = 0; i < image.Count; i++)
            {
                if (i % CancelCheckInterval == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                var entry = image[i];
                WriteKey(commands, words, entry);
                if (entry.ExpiresAt != Entry.NoExpiry)
                {
                    commands.Write(PExpireAtName, entry.Key, Number(entry.ExpiresAt));
                }

                if (commands.Length >= 1 << 16)
                {
                    file.Write(commands.Written);
                    commands.Clear();
                }
            }
        }

        file.Write(commands.Written);
        file.Flush();
    }

    private static void WriteKey(RequestWriter commands, List<ReadOnlyMemory<byte>> words, SnapshotEntry entry)
    {
        switch (entry.Value)
        {
            case null:
                commands.Write(SetName, entry.Key, entry.String);
                break;
            case ListValue list:
                Chunked(commands, words, RPushName, entry.Key, list.Length, (i, w) => w.Add(list[i].ToArray()));
                break;
            case SetValue set:
                Chunked(commands, words, SAddName, entry.Key, (int)set.Count, (i, w) => w.Add(set.MemberAt(i).ToArray()));
                break;
            case SortedSetValue zset:
                var entries = zset.Range(0, zset.Count, reverse: false);
                Chunked(commands, words, ZAddName, entry.Key, entries.Length, (i, w) =>
                {
                    w.Add(RdbWriter.FormatScore(entries[i].Score));
                    w.Add(entries[i].Member.ToArray());
                });
                break;
            case HashValue hash:
                var pairs = hash.Pairs().ToArray();
                Chunked(commands, words, HMSetName, entry.Key, pairs.Length, (i, w) =>
                {
                    w.Add(pairs[i].Field);
                    w.Add(pairs[i].Value);
                });
                break;
            default:
                throw new NotSupportedException($"No command rebuilds a {entry.Value.GetType().Name}.");
        }
    }

    private static void Chunked(RequestWriter commands, List<ReadOnlyMemory<byte>> words, byte[] name, ReadOnlyMemory<byte> key, int count, Action<int, List<ReadOnlyMemory<byte>>> add)
    {
        for (var start = 0; start < count; start += ItemsPerCommand)
        {
            words.Clear();
            words.Add(name);
            words.Add(key);
            for (var i = start; i < Math.Min(count, start + ItemsPerCommand); i++)
            {
                add(i, words);
            }

            commands.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words));
        }
    }

    private static byte[] Number(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
