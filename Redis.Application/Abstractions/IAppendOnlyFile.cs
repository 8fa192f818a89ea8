namespace Redis.Application.Abstractions;

/// <summary>
/// The append-only file: <c>BGREWRITEAOF</c> and what <c>INFO persistence</c> reports of it. A port: Infrastructure
/// writes and reads the files; Application decides the replies. The writes reach it through <see cref="ICommandLog"/>.
/// </summary>
/// <remarks>Every member is called on the serving thread.</remarks>
public interface IAppendOnlyFile
{
    /// <summary>What <c>INFO persistence</c> reports of the append-only file, as of now.</summary>
    AppendOnlyInfo Info { get; }

    /// <summary>
    /// <c>DEBUG LOADAOF</c>: writes out what is buffered, empties every database and loads the append-only files back,
    /// logging nothing of the load. Null on success, else the error reply's text (Redis exits instead; the databases
    /// are left empty here).
    /// </summary>
    string? LoadAgain();

    /// <summary><c>BGREWRITEAOF</c>: starts writing a new base file on another thread, or schedules it after a background save.</summary>
    RewriteOutcome BackgroundRewrite();
}

/// <summary>How <c>BGREWRITEAOF</c> ended.</summary>
public enum RewriteOutcome
{
    Started,

    /// <summary>A background save runs: the rewrite starts when it ends.</summary>
    Scheduled,

    /// <summary>A rewrite is already running.</summary>
    InProgress,

    /// <summary>The rewrite could not start; the cause is logged.</summary>
    Failed,
}

/// <summary>The append-only figures of <c>INFO persistence</c>, under Redis's names.</summary>
/// <param name="Enabled"><c>aof_enabled</c>.</param>
/// <param name="RewriteInProgress"><c>aof_rewrite_in_progress</c>.</param>
/// <param name="RewriteScheduled"><c>aof_rewrite_scheduled</c>.</param>
/// <param name="LastRewriteSeconds"><c>aof_last_rewrite_time_sec</c>, -1 before the first.</param>
/// <param name="CurrentRewriteSeconds"><c>aof_current_rewrite_time_sec</c>, -1 when none runs.</param>
/// <param name="LastRewriteOk"><c>aof_last_bgrewrite_status</c>.</param>
/// <param name="Rewrites"><c>aof_rewrites</c>: rewrites started since the start.</param>
/// <param name="ConsecutiveFailures"><c>aof_rewrites_consecutive_failures</c>.</param>
/// <param name="LastWriteOk"><c>aof_last_write_status</c>.</param>
/// <param name="CurrentSize"><c>aof_current_size</c>: the base and incremental files, in bytes.</param>
/// <param name="BaseSize"><c>aof_base_size</c>: the size when the last rewrite ended (or at the start).</param>
/// <param name="BufferLength"><c>aof_buffer_length</c>: logged bytes not yet written to the file.</param>
/// <param name="DelayedFsync"><c>aof_delayed_fsync</c>: times a write waited for a slow fsync.</param>
public sealed record AppendOnlyInfo(
    bool Enabled,
    bool RewriteInProgress,
    bool RewriteScheduled,
    long LastRewriteSeconds,
    long CurrentRewriteSeconds,
    bool LastRewriteOk,
    long Rewrites,
    long ConsecutiveFailures,
    bool LastWriteOk,
    long CurrentSize,
    long BaseSize,
    long BufferLength,
    long DelayedFsync);
