namespace Redis.Application.Abstractions;

/// <summary>
/// The RDB snapshots: <c>SAVE</c>, <c>BGSAVE</c>, the save at shutdown, <c>DEBUG RELOAD</c> and what <c>INFO
/// persistence</c> reports. A port: Infrastructure writes and reads the files; Application decides the replies.
/// </summary>
/// <remarks>Every member is called on the serving thread.</remarks>
public interface IPersistence
{
    /// <summary>What <c>INFO persistence</c> and <c>LASTSAVE</c> report, as of now.</summary>
    PersistenceInfo Info { get; }

    /// <summary>
    /// Redis's <c>writeCommandsDeniedByDiskError</c>: the <c>-MISCONF</c> error commands that write get now, or null.
    /// Either save points are set, <c>stop-writes-on-bgsave-error</c> is on and the last background save failed (until a
    /// save succeeds), or the append-only file is on and its last write failed (until a write succeeds).
    /// </summary>
    Redis.Protocol.Reply? WritesDenied { get; }

    /// <summary><c>SAVE</c>: writes the snapshot now, on the serving thread.</summary>
    SaveOutcome Save();

    /// <summary><c>BGSAVE [SCHEDULE]</c>: starts writing the snapshot on another thread.</summary>
    BackgroundSaveOutcome BackgroundSave(bool schedule);

    /// <summary>
    /// The save of <c>prepareForShutdown</c>: a background save in progress is stopped, then with
    /// <see cref="ShutdownSave.Save"/>, or <see cref="ShutdownSave.Default"/> and save points set, the snapshot is written.
    /// False when that save failed; the server then stays up unless the caller forces the shutdown.
    /// </summary>
    bool PrepareForShutdown(ShutdownSave save);

    /// <summary>
    /// <c>DEBUG RELOAD</c>: saves (unless <paramref name="save"/> is false), empties every database (unless
    /// <paramref name="flush"/> is false) and loads the file back; with <paramref name="merge"/> a key loaded over a
    /// stored one replaces it instead of failing the load. Null on success, else the error reply's text.
    /// </summary>
    string? Reload(bool save, bool flush, bool merge);
}

/// <summary>How <c>SAVE</c> ended.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>A background save is running (Redis refuses a <c>SAVE</c> then).</summary>
    InProgress,

    /// <summary>The file could not be written; the cause is logged.</summary>
    Failed,
}

/// <summary>How <c>BGSAVE</c> ended.</summary>
public enum BackgroundSaveOutcome
{
    Started,

    /// <summary><c>SCHEDULE</c> while a save already runs: another starts when it ends.</summary>
    Scheduled,

    /// <summary>A background save is already running and <c>SCHEDULE</c> was not given.</summary>
    InProgress,

    /// <summary>An append-only rewrite is running and <c>SCHEDULE</c> was not given.</summary>
    OtherChildActive,

    /// <summary>The save could not start; the cause is logged.</summary>
    Failed,
}

/// <summary><c>SHUTDOWN</c>'s choice: <c>SAVE</c>, <c>NOSAVE</c>, or neither (save when save points are set).</summary>
public enum ShutdownSave
{
    Default,
    Save,
    NoSave,
}

/// <summary>The persistence figures of <c>INFO</c>, under Redis's names.</summary>
/// <param name="ChangesSinceLastSave"><c>rdb_changes_since_last_save</c>.</param>
/// <param name="BackgroundSaveInProgress"><c>rdb_bgsave_in_progress</c>.</param>
/// <param name="LastSaveUnixSeconds"><c>rdb_last_save_time</c> and <c>LASTSAVE</c>: the last successful save, or the start.</param>
/// <param name="LastBackgroundSaveOk"><c>rdb_last_bgsave_status</c>.</param>
/// <param name="LastBackgroundSaveSeconds"><c>rdb_last_bgsave_time_sec</c>, -1 before the first.</param>
/// <param name="CurrentBackgroundSaveSeconds"><c>rdb_current_bgsave_time_sec</c>, -1 when none runs.</param>
/// <param name="Saves"><c>rdb_saves</c>: successful saves since the start.</param>
/// <param name="KeysLoaded"><c>rdb_last_load_keys_loaded</c>.</param>
/// <param name="KeysExpiredOnLoad"><c>rdb_last_load_keys_expired</c>.</param>
/// <param name="SnapshotKeysTotal"><c>current_save_keys_total</c>: keys of the save in progress, 0 when none.</param>
/// <param name="LatestSnapshotMicroseconds"><c>latest_fork_usec</c>: how long taking the last snapshot held the serving thread.</param>
public sealed record PersistenceInfo(
    long ChangesSinceLastSave,
    bool BackgroundSaveInProgress,
    long LastSaveUnixSeconds,
    bool LastBackgroundSaveOk,
    long LastBackgroundSaveSeconds,
    long CurrentBackgroundSaveSeconds,
    long Saves,
    long KeysLoaded,
    long KeysExpiredOnLoad,
    long SnapshotKeysTotal,
    long LatestSnapshotMicroseconds);
