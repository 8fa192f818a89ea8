using Redis.Application.Memory;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Transport;

/// <summary>Redis's <c>evictionTimeProc</c> on the serving loop's timer: evictions go on while memory is over a limit a command or <c>CONFIG SET maxmemory</c> left unreached.</summary>
internal sealed class EvictionCron(MemoryLimit memory) : ICronJob
{
    public void Run(long now) => memory.CronTick();
}
