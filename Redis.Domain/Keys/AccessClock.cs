namespace Redis.Domain.Keys;

/// <summary>
/// The per-key access clock of Redis's <c>robj.lru</c> (24 bits): under an LRU policy (or none) the second of the last
/// access on a 24-bit clock (<c>LRU_CLOCK</c>, 1 s resolution); under an LFU policy the minute of the last decrement in
/// the top 16 bits and a logarithmic access counter in the low 8 (<c>evict.c</c>'s <c>LFULogIncr</c>, <c>LFUDecrAndReturn</c>).
/// </summary>
/// <remarks>The databases share one (see <see cref="Databases.AccessClock"/>); only the serving thread uses it.</remarks>
public sealed class AccessClock
{
    /// <summary>Redis's <c>LRU_CLOCK_MAX</c>.</summary>
    public const uint LruClockMax = (1 << 24) - 1;

    /// <summary>Redis's <c>LRU_CLOCK_RESOLUTION</c>, in milliseconds.</summary>
    public const long LruResolution = 1000;

    /// <summary>Redis's <c>LFU_INIT_VAL</c>: a new key's counter, so it is not evicted before it had a chance to be used.</summary>
    public const int LfuInitialValue = 5;

    private readonly Random _random;

    public AccessClock(Random random)
    {
        _random = random;
    }

    /// <summary>The LRU clock now (<c>server.lruclock</c>).</summary>
    public uint Lru { get; private set; }

    /// <summary>Minutes now, on 16 bits (<c>LFUGetTimeInMinutes</c>).</summary>
    public uint Minutes { get; private set; }

    /// <summary>True under an LFU policy: the keys' clocks count accesses instead of timing them.</summary>
    public bool CountsFrequency { get; set; }

    /// <summary>
    /// True under an LRU or LFU policy, the ones that read the clocks: a snapshot then keeps every key's idle time (LRU)
    /// or frequency (LFU) in the file, as Redis's <c>rdbSaveKeyValuePair</c> writes <c>IDLE</c> or <c>FREQ</c>.
    /// </summary>
    public bool ReadByPolicy { get; set; }

    /// <summary><c>lfu-log-factor</c>.</summary>
    public int LogFactor { get; set; } = 10;

    /// <summary><c>lfu-decay-time</c>, minutes.</summary>
    public int DecayTime { get; set; } = 1;

    /// <summary>Moves the clock to <paramref name="now"/> (Unix milliseconds); the server does it once per batch of commands, as Redis's cron updates <c>server.lruclock</c>.</summary>
    public void Set(long now)
    {
        Lru = (uint)(now / LruResolution) & LruClockMax;
        Minutes = (uint)(now / 60_000) & 0xFFFF;
    }

    /// <summary>A copy that no later <see cref="Set"/> or setting moves, for a snapshot read on another thread.</summary>
    public AccessClock Freeze() => new(_random)
    {
        Lru = Lru,
        Minutes = Minutes,
        CountsFrequency = CountsFrequency,
        ReadByPolicy = ReadByPolicy,
        LogFactor = LogFactor,
        DecayTime = DecayTime,
    };

    /// <summary>
    /// What a file keeps of <paramref name="clock"/> (Redis's <c>rdbSaveKeyValuePair</c>): under an LRU policy the idle
    /// time in seconds, under an LFU policy the decayed counter, -1 for the one not kept (both under any other policy).
    /// </summary>
    public (long IdleSeconds, int Frequency) Saved(uint clock) =>
        !ReadByPolicy ? (-1, -1)
        : CountsFrequency ? (-1, (int)Decremented(clock))
        : (IdleMilliseconds(clock) / 1000, -1);

    /// <summary>What a new key's clock starts at (<c>createObject</c>).</summary>
    public uint Initial => CountsFrequency ? (Minutes << 8) | LfuInitialValue : Lru;

    /// <summary>A key was accessed (<c>lookupKey</c>'s <c>updateLFU</c> or <c>LRU_CLOCK()</c>).</summary>
    public uint Accessed(uint clock) =>
        CountsFrequency ? (Minutes << 8) | LogIncrement(Decremented(clock)) : Lru;

    /// <summary>A key was given a new value (<c>dbSetValue</c>): the LFU counter stays, an LRU clock restarts.</summary>
    public uint Overwritten(uint clock) => CountsFrequency ? clock : Lru;

    /// <summary>Redis's <c>estimateObjectIdleTime</c>, in milliseconds.</summary>
    public long IdleMilliseconds(uint clock)
    {
        clock &= LruClockMax;
        return (Lru >= clock ? Lru - clock : Lru + (LruClockMax - clock)) * LruResolution;
    }

    /// <summary>Redis's <c>LFUDecrAndReturn</c>: the counter less one for every <c>lfu-decay-time</c> minutes since the last decrement.</summary>
    public uint Decremented(uint clock)
    {
        var lastMinute = clock >> 8;
        var counter = clock & 255;
        var elapsed = Minutes >= lastMinute ? Minutes - lastMinute : 65535 - lastMinute + Minutes;
        var periods = DecayTime > 0 ? elapsed / (uint)DecayTime : 0;
        return periods == 0 ? counter : periods > counter ? 0 : counter - periods;
    }

    /// <summary>
    /// Redis's <c>objectSetLRUOrLFU</c> (<c>RESTORE ... IDLETIME s | FREQ f</c>, an RDB file's idle time or frequency):
    /// under an LFU policy a given frequency, otherwise a given idle time in seconds; null when the other was given.
    /// </summary>
    public uint? Restored(long idleSeconds, long frequency)
    {
        if (CountsFrequency)
        {
            return frequency >= 0 ? (Minutes << 8) | (uint)Math.Min(frequency, 255) : null;
        }

        if (idleSeconds < 0)
        {
            return null;
        }

        // The clock wraps (every 194 days): an idle time past its value counts back from its top.
        var absolute = Lru - Math.Min(idleSeconds, LruClockMax);
        return (uint)(absolute < 0 ? absolute + LruClockMax : absolute);
    }

    /// <summary>The eviction pool's score under <paramref name="policy"/>: idle time for LRU, inverse frequency for LFU.</summary>
    public ulong EvictionScore(EvictionPolicy policy, uint clock) =>
        policy.IsLfu() ? 255 - Decremented(clock) : (ulong)IdleMilliseconds(clock);

    // Redis's LFULogIncr: the counter grows with probability 1 / ((counter - LFU_INIT_VAL) * lfu-log-factor + 1).
    private uint LogIncrement(uint counter)
    {
        if (counter == 255)
        {
            return 255;
        }

        var baseValue = Math.Max((double)counter - LfuInitialValue, 0);
        var probability = 1.0 / ((baseValue * LogFactor) + 1);
        return _random.NextDouble() < probability ? counter + 1 : counter;
    }
}
