namespace Redis.Infrastructure.Persistence;

/// <summary>What the background writer is writing (Redis's <c>server.child_type</c>).</summary>
public enum BackgroundChildKind
{
    None,

    /// <summary><c>BGSAVE</c> or a save point: the RDB file.</summary>
    Rdb,

    /// <summary><c>BGREWRITEAOF</c>: a new base of the append-only file.</summary>
    AofRewrite,
}

/// <summary>
/// Redis's one child process at a time: the RDB save and the append-only rewrite each write from a point-in-time
/// snapshot, and the databases hold one snapshot at a time (ADR 0029), so at most one of them runs; the other waits
/// (<c>BGSAVE SCHEDULE</c>, a scheduled rewrite) or is refused with Redis's reply.
/// </summary>
/// <remarks>Only the serving thread takes and releases it.</remarks>
public sealed class BackgroundChild
{
    private Action? _finishNow;

    /// <summary>Who writes now; <see cref="BackgroundChildKind.None"/> when nobody does.</summary>
    public BackgroundChildKind Active { get; private set; }

    /// <summary>Takes the slot for <paramref name="kind"/>; <paramref name="finishNow"/> waits for that writer and collects it (for <see cref="FinishNow"/>).</summary>
    public void Take(BackgroundChildKind kind, Action finishNow)
    {
        if (Active != BackgroundChildKind.None)
        {
            throw new InvalidOperationException($"A background {Active} is already running.");
        }

        Active = kind;
        _finishNow = finishNow;
    }

    /// <summary>The writer that took the slot was collected.</summary>
    public void Release()
    {
        Active = BackgroundChildKind.None;
        _finishNow = null;
    }

    /// <summary>Waits for the writer running now, if any, and collects it, so a foreground save may take the snapshot.</summary>
    public void FinishNow() => _finishNow?.Invoke();
}
