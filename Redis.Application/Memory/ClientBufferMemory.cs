namespace Redis.Application.Memory;

/// <summary>
/// What the clients' query and reply buffers hold now (Redis's <c>mem_clients_normal</c>): part of used memory and
/// counted toward <c>maxmemory</c>, as Redis's allocator counts them and <c>freeMemoryGetNotCountedMemory</c> leaves
/// them in (it takes out only replicas' output and the AOF buffer).
/// </summary>
/// <remarks>
/// The transports keep it: each connection remembers what it last reported and reports the difference when one of its
/// buffers was allocated, grown, shrunk or given back (after a batch of commands, a write, a delivery, the idle release),
/// and everything when it closes. Reading it is one field. Only the serving thread uses it.
/// </remarks>
public sealed class ClientBufferMemory
{
    /// <summary>The buffers of the open normal and pub/sub clients, in bytes.</summary>
    public long NormalBytes { get; private set; }

    /// <summary>
    /// The buffers of the replicas attached (<c>mem_clients_slaves</c>): part of used memory, but not counted toward
    /// <c>maxmemory</c>, as Redis's <c>freeMemoryGetNotCountedMemory</c> leaves replicas' output out, so a replica's
    /// RDB and stream do not evict the keys they copy.
    /// </summary>
    public long ReplicaBytes { get; private set; }

    /// <summary>
    /// Moves the count from <paramref name="counted"/>, what a connection last reported, to <paramref name="bytes"/>,
    /// what its buffers hold now, as a replica's (<paramref name="replica"/>) or a normal client's.
    /// </summary>
    /// <param name="countedAsReplica">Which total <paramref name="counted"/> is in; a connection that became a replica moves its count.</param>
    public void Report(ref long counted, ref bool countedAsReplica, long bytes, bool replica)
    {
        if (countedAsReplica != replica)
        {
            Add(countedAsReplica, -counted);
            Add(replica, counted);
            countedAsReplica = replica;
        }

        if (bytes != counted)
        {
            Add(replica, bytes - counted);
            counted = bytes;
        }
    }

    /// <summary>A connection without replicas (the one-client transport's): its buffers are a normal client's.</summary>
    public void Report(ref long counted, long bytes)
    {
        var normal = false;
        Report(ref counted, ref normal, bytes, replica: false);
    }

    private void Add(bool replica, long bytes)
    {
        if (replica)
        {
            ReplicaBytes += bytes;
        }
        else
        {
            NormalBytes += bytes;
        }
    }
}
