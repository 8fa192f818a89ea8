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

    /// <summary>Moves the count from <paramref name="counted"/>, what a connection last reported, to <paramref name="bytes"/>, what its buffers hold now.</summary>
    public void Report(ref long counted, long bytes)
    {
        if (bytes != counted)
        {
            NormalBytes += bytes - counted;
            counted = bytes;
        }
    }
}
