using System.Diagnostics;
using Mediator;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Memory;

/// <summary>Answers <c>MEMORY</c> as Redis's <c>memoryCommand</c> does, from what this process knows of its memory.</summary>
/// <remarks>
/// <para>
/// <c>USAGE</c> is the key's footprint in the keyspace (<see cref="KeyFootprint"/>): its record with the size class
/// and the array header, its slot, its share of the index and its TTL entry. <c>STATS</c> keeps Redis's field names;
/// <c>total.allocated</c> is the managed heap in use (<see cref="GC.GetTotalMemory(bool)"/>), <c>peak.allocated</c>
/// the largest seen by <c>MEMORY STATS</c> or <c>DOCTOR</c>, <c>startup.allocated</c> the heap when the handler was
/// built (at start-up, lowered when a collection leaves less), the allocator fields the GC's heap size, committed bytes and the process's resident set.
/// </para>
/// <para>
/// The allocator is the .NET GC, not jemalloc, so <c>MALLOC-STATS</c> answers what Redis answers when built with libc,
/// and <c>PURGE</c> asks the GC for a full, compacting collection.
/// </para>
/// </remarks>
public sealed class MemoryCommandHandler(Databases databases, MemoryLimit memory, TimeProvider time) : IRequestHandler<MemoryCommand, Reply>
{
    private const long EmptyBelow = 5 * 1024 * 1024;

    private static readonly Reply HelpReply = HelpText.For(
        "memory",
        "DOCTOR",
        "    Return memory problems reports.",
        "MALLOC-STATS",
        "    Return internal statistics report from the memory allocator.",
        "PURGE",
        "    Attempt to purge dirty pages for reclamation by the allocator.",
        "STATS",
        "    Return information about the memory usage of the server.",
        "USAGE <key> [SAMPLES <count>]",
        "    Return memory in bytes used by <key> and its value. Nested values are",
        "    sampled up to <count> times (default: 5, 0 means sample all).");

    private static readonly Reply NoAllocatorStats = Reply.Bulk("Stats not supported for the current allocator");

    private static readonly Reply NoIssues = Reply.Verbatim(
        "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n");

    private static readonly Reply Empty = Reply.Verbatim(
        "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. " +
        "Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming " +
        "as soon as I finished rebooting.\n");


    public ValueTask<Reply> Handle(MemoryCommand request, CancellationToken cancellationToken) => new(request.Subcommand switch
    {
        MemorySubcommand.Usage => Usage(request),
        MemorySubcommand.Stats => Stats(),
        MemorySubcommand.Doctor => Allocated() - memory.StartupBytes < EmptyBelow ? Empty : NoIssues,
        MemorySubcommand.MallocStats => NoAllocatorStats,
        MemorySubcommand.Purge => Purge(),
        _ => HelpReply,
    });

    private static Reply Purge()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Reply.Ok;
    }

    private Reply Usage(MemoryCommand request)
    {
        var key = request.Key.Span;
        return request.Keyspace.TryGetFootprint(key, time.GetUnixMilliseconds(), out var bytes) ? Reply.Integer(bytes) : Reply.Nil;
    }

    // used_memory, the figure maxmemory is compared with (ADR 0035), noted for the peak.
    private long Allocated() => memory.SampleUsed();

    private Reply Stats()
    {
        var total = Allocated();
        var clientsBytes = memory.Clients.NormalBytes;

        var fields = new List<Reply>
        {
            Reply.Bulk("peak.allocated"), Reply.Integer(memory.PeakBytes),
            Reply.Bulk("total.allocated"), Reply.Integer(total),
            Reply.Bulk("startup.allocated"), Reply.Integer(memory.StartupBytes),
            Reply.Bulk("replication.backlog"), Reply.Integer(0),
            Reply.Bulk("clients.slaves"), Reply.Integer(0),
            Reply.Bulk("clients.normal"), Reply.Integer(clientsBytes),
            Reply.Bulk("cluster.links"), Reply.Integer(0),
            Reply.Bulk("aof.buffer"), Reply.Integer(0),
            Reply.Bulk("lua.caches"), Reply.Integer(0),
            Reply.Bulk("functions.caches"), Reply.Integer(0),
        };

        var overhead = memory.StartupBytes + clientsBytes;
        for (var i = 0; i < databases.Count; i++)
        {
            var keyspace = databases[i];
            if (keyspace.Count == 0)
            {
                continue;
            }

            var main = (long)keyspace.Count * (KeyFootprint.Slot + KeyFootprint.AccessClock + KeyFootprint.IndexShare);
            var expires = (long)keyspace.VolatileCount * KeyFootprint.VolatileEntry;
            overhead += main + expires;
            fields.Add(Reply.Bulk($"db.{i}"));
            fields.Add(Reply.Map([
                Reply.Bulk("overhead.hashtable.main"), Reply.Integer(main),
                Reply.Bulk("overhead.hashtable.expires"), Reply.Integer(expires),
            ]));
        }

        var keys = databases.KeyCount;
        var net = Math.Max(total - memory.StartupBytes, 0);
        var dataset = Math.Max(total - overhead, 0);
        var gc = GC.GetGCMemoryInfo();
        var resident = Process.GetCurrentProcess().WorkingSet64;
        fields.AddRange(
        [
            Reply.Bulk("overhead.total"), Reply.Integer(overhead),
            Reply.Bulk("keys.count"), Reply.Integer(keys),
            Reply.Bulk("keys.bytes-per-key"), Reply.Integer(keys == 0 ? 0 : net / keys),
            Reply.Bulk("dataset.bytes"), Reply.Integer(dataset),
            Reply.Bulk("dataset.percentage"), Reply.Double(net == 0 ? 0 : dataset * 100.0 / net),
            Reply.Bulk("peak.percentage"), Reply.Double(memory.PeakBytes == 0 ? 0 : total * 100.0 / memory.PeakBytes),
            Reply.Bulk("allocator.allocated"), Reply.Integer(gc.HeapSizeBytes),
            Reply.Bulk("allocator.active"), Reply.Integer(gc.TotalCommittedBytes),
            Reply.Bulk("allocator.resident"), Reply.Integer(resident),
            Reply.Bulk("allocator-fragmentation.ratio"), Reply.Double(Ratio(gc.TotalCommittedBytes, gc.HeapSizeBytes)),
            Reply.Bulk("allocator-fragmentation.bytes"), Reply.Integer(gc.TotalCommittedBytes - gc.HeapSizeBytes),
            Reply.Bulk("allocator-rss.ratio"), Reply.Double(Ratio(resident, gc.TotalCommittedBytes)),
            Reply.Bulk("allocator-rss.bytes"), Reply.Integer(resident - gc.TotalCommittedBytes),
            Reply.Bulk("rss-overhead.ratio"), Reply.Double(1),
            Reply.Bulk("rss-overhead.bytes"), Reply.Integer(0),
            Reply.Bulk("fragmentation"), Reply.Double(Ratio(resident, total)),
            Reply.Bulk("fragmentation.bytes"), Reply.Integer(resident - total),
        ]);
        return Reply.Map([.. fields]);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
