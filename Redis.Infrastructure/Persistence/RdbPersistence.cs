using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Protocol;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// The RDB snapshots of Redis 7.0: <c>SAVE</c>, <c>BGSAVE</c> on a thread of its own over a point-in-time snapshot
/// (ADR 0029), the save points checked on the cron, the save at shutdown, the load at start-up and what
/// <c>INFO persistence</c> reports.
/// </summary>
/// <remarks>
/// Every member but the background writer runs on the serving thread (commands and <see cref="Run"/>), or once the
/// serving thread has stopped (<see cref="PrepareForShutdown"/> on SIGTERM). The writer reads only the snapshot; the
/// serving thread notices on its next cron tick that it finished, closes the snapshot and records the outcome, as
/// Redis's <c>checkChildrenDone</c> does. The file is written to a temporary name and renamed over
/// <c>dbfilename</c> once complete and flushed to disk, so a crash never leaves half a file under that name.
/// </remarks>
public sealed partial class RdbPersistence : IPersistence, ICronJob, IDisposable
{
    /// <summary>Redis's <c>CONFIG_BGSAVE_RETRY_DELAY</c>: after a failed background save, the save points wait this long to try again.</summary>
    public const int RetryDelaySeconds = 5;

    private readonly Databases _databases;
    private readonly TimeProvider _time;
    private readonly RedisServerOptions _options;
    private readonly ILogger _logger;
    private readonly BackgroundChild _child;
    private readonly AppendOnlyFile? _appendOnly;

    private SavePoints _savePoints;
    private long _lastSave;
    private long _changesAtLastSave;
    private bool _lastBackgroundSaveOk = true;
    private long _lastBackgroundSaveTry;
    private long _lastBackgroundSaveSeconds = -1;
    private long _saves;
    private long _keysLoaded;
    private long _keysExpiredOnLoad;
    private long _latestSnapshotMicroseconds;
    private bool _scheduled;
    private bool _shutdownPrepared;
    private bool _loadedAtStartup;
    private RunningSave? _running;

    public RdbPersistence(Databases databases, TimeProvider time, IOptions<RedisServerOptions> options, IServerSettings settings, BackgroundChild child, AppendOnlyFile? appendOnly = null, ILogger<RdbPersistence>? logger = null)
    {
        _child = child;
        _appendOnly = appendOnly;
        _databases = databases;
        _time = time;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _savePoints = ParseSavePoints(_options);

        // initServer: at start-up the dataset counts as saved.
        _lastSave = time.GetUtcNow().ToUnixTimeSeconds();
        settings.Changed += name =>
        {
            if (name == "save")
            {
                _savePoints = ParseSavePoints(_options);
            }
        };
    }

    /// <summary>Opens the temporary file a snapshot is written to; tests put a stream of their own around it.</summary>
    internal Func<string, Stream> CreateFile { get; set; } =
        static path => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    /// <summary>The file snapshots are written to and loaded from: <c>dir</c>/<c>dbfilename</c>.</summary>
    public string FilePath => Path.Combine(_options.DataDirectory, _options.DbFilename);

    /// <summary>True once a shutdown went through <see cref="PrepareForShutdown"/>: the host's stop does not save again.</summary>
    public bool ShutdownPrepared => _shutdownPrepared;

    public PersistenceInfo Info => new(
        ChangesSinceLastSave: _databases.Changes - _changesAtLastSave,
        BackgroundSaveInProgress: _running is not null,
        LastSaveUnixSeconds: _lastSave,
        LastBackgroundSaveOk: _lastBackgroundSaveOk,
        LastBackgroundSaveSeconds: _lastBackgroundSaveSeconds,
        CurrentBackgroundSaveSeconds: _running is { } running ? (long)_time.GetElapsedTime(running.StartedTimestamp).TotalSeconds : -1,
        Saves: _saves,
        KeysLoaded: _keysLoaded,
        KeysExpiredOnLoad: _keysExpiredOnLoad,
        SnapshotKeysTotal: _running?.Snapshot.KeyCount ?? 0,
        LatestSnapshotMicroseconds: _latestSnapshotMicroseconds);

    public Reply? WritesDenied =>
        !_lastBackgroundSaveOk && _options.StopWritesOnBgsaveError && _savePoints.Any ? Errors.WritesDeniedBySaveError : _appendOnly?.WriteRefusal;

    public SaveOutcome Save()
    {
        if (_running is not null)
        {
            return SaveOutcome.InProgress;
        }

        // Redis saves in the foreground while an append-only rewrite runs; here that rewrite holds the snapshot, so it ends first.
        _child.FinishNow();
        var now = _time.GetUnixMilliseconds();
        var changes = _databases.Changes;
        var snapshot = OpenSnapshot(now);
        try
        {
            Write(snapshot, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Write logged the cause.
            return SaveOutcome.Failed;
        }
        finally
        {
            snapshot.Close();
        }

        LogSaved();
        Saved(changes);
        return SaveOutcome.Saved;
    }

    public BackgroundSaveOutcome BackgroundSave(bool schedule)
    {
        // bgsaveCommand: SCHEDULE waits only for another kind of child (an AOF rewrite); a save in progress is an error either way.
        if (_running is not null)
        {
            return BackgroundSaveOutcome.InProgress;
        }

        if (_child.Active != BackgroundChildKind.None)
        {
            _scheduled |= schedule;
            return schedule ? BackgroundSaveOutcome.Scheduled : BackgroundSaveOutcome.OtherChildActive;
        }

        StartBackgroundSave();
        return BackgroundSaveOutcome.Started;
    }

    public bool PrepareForShutdown(ShutdownSave save)
    {
        _shutdownPrepared = true;
        if (_running is { } running)
        {
            LogKillingSave();
            running.Cancel.Cancel();
            PersistenceFiles.WaitQuietly(running.Writer);
            running.Snapshot.Close();
            _running = null;
            _child.Release();
        }

        if (save == ShutdownSave.NoSave || (save == ShutdownSave.Default && !_savePoints.Any))
        {
            return true;
        }

        LogSavingFinal();
        if (Save() != SaveOutcome.Saved)
        {
            LogCannotExit();
            _shutdownPrepared = false;
            return false;
        }

        return true;
    }

    public string? Reload(bool save, bool flush, bool merge)
    {
        if (save && Save() != SaveOutcome.Saved)
        {
            return "ERR";
        }

        if (flush)
        {
            _databases.Clear();
        }

        try
        {
            Load(merge);
        }
        catch (Exception e) when (e is RdbFormatException or IOException or UnauthorizedAccessException)
        {
            LogLoadFailed(e.Message);
            return "ERR Error trying to load the RDB dump";
        }

        LogReloaded();
        return null;
    }

    /// <summary>The cron's part (Redis's <c>serverCron</c>): collects a finished background save, then starts a scheduled or due one.</summary>
    public void Run(long now)
    {
        if (_running is { Writer.IsCompleted: true } finished)
        {
            Finish(finished);
        }

        if (_running is not null || _child.Active != BackgroundChildKind.None)
        {
            return;
        }

        var seconds = now / 1000;
        var mayRetry = _lastBackgroundSaveOk || seconds - _lastBackgroundSaveTry > RetryDelaySeconds;
        if (_scheduled && mayRetry)
        {
            StartBackgroundSave();
            return;
        }

        var changes = _databases.Changes - _changesAtLastSave;
        if (mayRetry && _savePoints.Due(changes, seconds - _lastSave) is { } point)
        {
            LogSavePointReached(changes, point.Seconds);
            StartBackgroundSave();
        }
    }

    /// <summary>Loads the file once at start-up (<see cref="Load"/>); a second call does nothing, so the host and the program may both ask.</summary>
    public void LoadAtStartup()
    {
        if (!_loadedAtStartup)
        {
            _loadedAtStartup = true;
            Load();
        }
    }

    /// <summary>
    /// Loads <c>dir</c>/<c>dbfilename</c> into the databases, when the file exists, as Redis's <c>loadDataFromDisk</c>:
    /// keys whose time ran out on disk are dropped. Throws <see cref="RdbFormatException"/> for a file that cannot be
    /// read whole (the server must not start with part of it), and nothing is kept of it then.
    /// </summary>
    /// <param name="merge">A key already stored is replaced (Redis's <c>RDBFLAGS_ALLOW_DUP</c>), instead of failing the load.</param>
    public void Load(bool merge = false)
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        DatabaseLoader loader;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            loader = DatabaseLoader.Load(_databases, file, _time.GetUnixMilliseconds(), merge, PersistenceFiles.LoadLimits(_options));
        }

        (_keysLoaded, _keysExpiredOnLoad) = (loader.Loaded, loader.Expired);
        _changesAtLastSave = _databases.Changes;
        _lastSave = _time.GetUtcNow().ToUnixTimeSeconds();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogLoaded(seconds, loader.Loaded, loader.Expired);
    }

    public void Dispose()
    {
        if (_running is { } running)
        {
            running.Cancel.Cancel();
            PersistenceFiles.WaitQuietly(running.Writer);
            running.Cancel.Dispose();
        }
    }

    private static SavePoints ParseSavePoints(RedisServerOptions options) =>
        SavePoints.TryParse(options.Save, out var points) ? points : SavePoints.None;

    private DatasetSnapshot OpenSnapshot(long now)
    {
        var started = Stopwatch.GetTimestamp();
        var snapshot = _databases.OpenSnapshot(now);
        _latestSnapshotMicroseconds = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        return snapshot;
    }

    private void StartBackgroundSave()
    {
        _scheduled = false;
        var now = _time.GetUnixMilliseconds();
        _lastBackgroundSaveTry = now / 1000;
        var snapshot = OpenSnapshot(now);
        var cancel = new CancellationTokenSource();
        var writer = Task.Factory.StartNew(() => Write(snapshot, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var running = _running = new RunningSave(snapshot, writer, cancel, _databases.Changes, _time.GetTimestamp());
        _child.Take(BackgroundChildKind.Rdb, () =>
        {
            PersistenceFiles.WaitQuietly(running.Writer);
            Finish(running);
        });
        LogBackgroundSaveStarted();
    }

    // bgsaveDoneHandlerDisk: the changes made while the save ran still count towards the next one.
    private void Finish(RunningSave finished)
    {
        _running = null;
        _child.Release();
        finished.Snapshot.Close();
        finished.Cancel.Dispose();
        _lastBackgroundSaveSeconds = (long)_time.GetElapsedTime(finished.StartedTimestamp).TotalSeconds;
        if (finished.Writer.IsCompletedSuccessfully)
        {
            LogBackgroundSaveDone();
            Saved(finished.ChangesAtStart);
        }
        else
        {
            LogBackgroundSaveFailed();
            _lastBackgroundSaveOk = false;
        }
    }

    private void Saved(long changesAtStart)
    {
        _changesAtLastSave = changesAtStart;
        _lastSave = _time.GetUtcNow().ToUnixTimeSeconds();
        _lastBackgroundSaveOk = true;
        _saves++;
    }

    // rdbSave: a temporary file in dir, flushed to disk, then renamed over dbfilename. Any thread: it reads only the snapshot.
    private void Write(DatasetSnapshot snapshot, CancellationToken cancel)
    {
        var directory = _options.DataDirectory;
        var temp = Path.Combine(directory, $"temp-{Environment.ProcessId}.rdb");
        Stream file;
        try
        {
            file = CreateFile(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogOpenFailed(temp, directory, e.Message);
            throw;
        }

        try
        {
            using (file)
            {
                WriteSnapshot(file, snapshot, cancel);
                if (file is FileStream disk)
                {
                    disk.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            if (e is not OperationCanceledException)
            {
                LogWriteFailed(e.Message);
            }

            PersistenceFiles.TryDelete(temp);
            throw;
        }
    }

    private void WriteSnapshot(Stream file, DatasetSnapshot snapshot, CancellationToken cancel) =>
        SnapshotFile.WriteRdb(file, snapshot, new RdbWriterOptions(_options.RdbCompression, _options.RdbChecksum), _time, aofBase: false, cancel);

    /// <summary>A background save in progress: its snapshot, its writer and what the dataset had changed when it began.</summary>
    private sealed record RunningSave(DatasetSnapshot Snapshot, Task Writer, CancellationTokenSource Cancel, long ChangesAtStart, long StartedTimestamp);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "DB saved on disk")]
    private partial void LogSaved();

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Background saving started")]
    private partial void LogBackgroundSaveStarted();

    [LoggerMessage(EventId = 62, Level = LogLevel.Information, Message = "Background saving terminated with success")]
    private partial void LogBackgroundSaveDone();

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "Background saving error")]
    private partial void LogBackgroundSaveFailed();

    [LoggerMessage(EventId = 64, Level = LogLevel.Information, Message = "{Changes} changes in {Seconds} seconds. Saving...")]
    private partial void LogSavePointReached(long changes, long seconds);

    [LoggerMessage(EventId = 65, Level = LogLevel.Warning, Message = "Failed opening the temp RDB file {File} (in server root dir {Directory}) for saving: {Reason}")]
    private partial void LogOpenFailed(string file, string directory, string reason);

    [LoggerMessage(EventId = 66, Level = LogLevel.Warning, Message = "Write error saving DB on disk: {Reason}")]
    private partial void LogWriteFailed(string reason);

    [LoggerMessage(EventId = 67, Level = LogLevel.Warning, Message = "There is a child saving an .rdb. Killing it!")]
    private partial void LogKillingSave();

    [LoggerMessage(EventId = 68, Level = LogLevel.Information, Message = "Saving the final RDB snapshot before exiting.")]
    private partial void LogSavingFinal();

    [LoggerMessage(EventId = 69, Level = LogLevel.Warning, Message = "Error trying to save the DB, can't exit.")]
    private partial void LogCannotExit();

    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "DB loaded from disk: {Seconds:0.000} seconds ({Keys} keys loaded, {Expired} expired keys dropped)")]
    private partial void LogLoaded(double seconds, long keys, long expired);

    [LoggerMessage(EventId = 71, Level = LogLevel.Warning, Message = "Error trying to load the RDB dump: {Reason}")]
    private partial void LogLoadFailed(string reason);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "DB reloaded by DEBUG RELOAD")]
    private partial void LogReloaded();
}
