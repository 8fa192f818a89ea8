using Redis.Application.Abstractions;

namespace Redis.Infrastructure.Configuration;

/// <summary>The <c>clock</c> setting's two values.</summary>
public static class ClockModes
{
    public const string System = "system";

    public const string Manual = "manual";
}

/// <summary>
/// The server's clock with <c>--clock manual</c>: it starts at the machine's time when the server starts and then
/// stands still, wall clock and timestamps alike, until <c>DEBUG CLOCK ADVANCE</c> moves it.
/// </summary>
/// <remarks>
/// Moved by the serving thread (a command), read by it and by the background writers (a save's time), hence the
/// volatile offset. Timers (<see cref="TimeProvider.CreateTimer"/>) stay on the machine's clock.
/// </remarks>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider, IManualClock
{
    private long _offsetTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Volatile.Read(ref _offsetTicks));

    public override long GetTimestamp() => start.UtcTicks + Volatile.Read(ref _offsetTicks);

    public void Advance(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        Interlocked.Add(ref _offsetTicks, checked(milliseconds * TimeSpan.TicksPerMillisecond));
    }
}
