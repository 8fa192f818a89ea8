using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Protocol;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Redis 7's append-only file (ADR 0030): every write, as <see cref="CommandPropagation"/> makes it deterministic, is
/// appended to the last incremental file of <c>appenddirname</c>, and replayed after the base file at start-up;
/// <c>BGREWRITEAOF</c> writes a new base from a point-in-time snapshot while the writes go on into a new incremental file.
/// </summary>
/// <remarks>
/// <para>
/// The writes collect in a buffer during a batch of commands and reach the file (<c>write(2)</c>) in
/// <see cref="FlushBeforeReplies"/>, which the transport calls before it sends the batch's replies, as Redis's
/// <c>beforeSleep</c> calls <c>flushAppendOnlyFile</c> before <c>handleClientsWithPendingWrites</c>. With
/// <c>appendfsync always</c> the file is also flushed to disk there, so no reply acknowledges a write the disk does not
/// hold; with <c>everysec</c> a thread of its own flushes it once a second (Redis's <c>bio</c> fsync job), so the
/// serving thread never waits for the disk; with <c>no</c> the kernel decides.
/// </para>
/// <para>
/// Every member but the fsync thread and the rewrite's writer runs on the serving thread (commands, the cron, the
/// transport's flush), or before it starts (the load) and after it stopped (the shutdown).
/// </para>
/// </remarks>
public sealed partial class AppendOnlyFile : ICommandLog, IAppendOnlyFile, ICronJob, IDisposable
{
    private static readonly byte[] SelectName = "SELECT"u8.ToArray();

    private readonly Databases _databases;
    private readonly CommandPropagation _propagation;
    private readonly TimeProvider _time;
    private readonly RedisServerOptions _options;
    private readonly BackgroundChild _child;
    private readonly ILogger _logger;
    private readonly RequestWriter _buffer = new();
    private readonly IServiceProvider? _services;

    // The fsync thread: it flushes _file to disk when asked, and never touches anything else.
    private readonly Lock _fileLock = new();
    private readonly AutoResetEvent _syncRequested = new(false);
    private Thread? _syncThread;
    private volatile bool _syncInFlight;
    private volatile bool _stopping;
    private long _lastSyncTimestamp;

    private AofManifest _manifest;
    private FileStream? _file;
    private int _selectedDatabase = -1;
    private long _incrementalSize;
    private long _syncedSize;
    private long _baseFileSize;
    private long _rewriteBaseSize;
    private Reply? _writeRefusal;
    private long _delayedFsyncs;

    private RunningRewrite? _rewriting;
    private bool _rewriteScheduled;

    // Redis's AOF_WAIT_REWRITE: turned on at run time, the writes go to a temporary incremental file until the first base is written.
    private bool _waitingForRewrite;
    private bool _disposed;
    private bool _lastRewriteOk = true;
    private long _lastRewriteSeconds = -1;
    private long _rewrites;
    private long _consecutiveFailures;

    public AppendOnlyFile(Databases databases, CommandPropagation propagation, TimeProvider time, IOptions<RedisServerOptions> options, IServerSettings settings, BackgroundChild child, IServiceProvider? services = null, ILogger<AppendOnlyFile>? logger = null)
    {
        _services = services;
        _databases = databases;
        _propagation = propagation;
        _time = time;
        _options = options.Value;
        _child = child;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _manifest = AofManifest.Empty(_options.AppendFilename);
        settings.Changed += name =>
        {
            if (name == "appendonly")
            {
                Switch(_options.AppendOnly);
            }
        };
    }

    /// <summary><c>dir</c>/<c>appenddirname</c>.</summary>
    public string DirectoryPath => Path.Combine(_options.DataDirectory, _options.AppendDirName);

    /// <summary>True while the writes are logged (Redis's <c>aof_state</c> on).</summary>
    public bool IsOn => _file is not null;

    /// <summary>The <c>-MISCONF</c> error writes get while the last write (or fsync) of the file failed; null otherwise.</summary>
    public Reply? WriteRefusal => _writeRefusal;

    /// <summary>The manifest as the server holds it now.</summary>
    public AofManifest Manifest => _manifest;

    public AppendOnlyInfo Info => new(
        Enabled: IsOn,
        RewriteInProgress: _rewriting is not null,
        RewriteScheduled: _rewriteScheduled,
        LastRewriteSeconds: _lastRewriteSeconds,
        CurrentRewriteSeconds: _rewriting is { } running ? (long)_time.GetElapsedTime(running.StartedTimestamp).TotalSeconds : -1,
        LastRewriteOk: _lastRewriteOk,
        Rewrites: _rewrites,
        ConsecutiveFailures: _consecutiveFailures,
        LastWriteOk: _writeRefusal is null,
        CurrentSize: _baseFileSize + _incrementalSize + _buffer.Length,
        BaseSize: _rewriteBaseSize,
        BufferLength: _buffer.Length,
        DelayedFsync: _delayedFsyncs);

    /// <summary>
    /// Redis's <c>loadDataFromDisk</c> with <c>appendonly yes</c>: reads the manifest and replays the base and the
    /// incremental files through the command router, on a session of its own, with expiry paused. Throws
    /// <see cref="AofFormatException"/> (or <see cref="RdbFormatException"/> for the base) when the files cannot be
    /// loaded; nothing is kept then.
    /// </summary>
    public void Load()
    {
        // Resolved here, not injected: the router reaches every handler, and some handlers report on these files.
        var services = _services ?? throw new InvalidOperationException("Loading the append-only files needs the command router.");
        var router = (CommandRouter)services.GetService(typeof(CommandRouter))!;
        var table = (CommandTable)services.GetService(typeof(CommandTable))!;
        _manifest = ReadManifest();
        if (_manifest.IsEmpty)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var files = (AofFileInfo[])[.. _manifest.BaseFile is { } baseFile ? [baseFile] : Array.Empty<AofFileInfo>(), .. _manifest.Incremental];
        foreach (var file in files)
        {
            if (!File.Exists(Path.Combine(DirectoryPath, file.Name)))
            {
                throw new AofFormatException($"The AOF file {file.Name} doesn't exist");
            }
        }

        var replay = new AofReplay(router, table, _databases, PersistenceFiles.LoadLimits(_options), _options.AofLoadTruncated, _logger);
        _databases.ExpiryPaused = true;
        try
        {
            for (var i = 0; i < files.Length; i++)
            {
                replay.Load(Path.Combine(DirectoryPath, files[i].Name), isLast: i == files.Length - 1);
            }
        }
        catch
        {
            _databases.Clear();
            throw;
        }
        finally
        {
            _databases.ExpiryPaused = false;
        }

        _baseFileSize = _manifest.BaseFile is { } loadedBase ? new FileInfo(Path.Combine(DirectoryPath, loadedBase.Name)).Length : 0;
        _rewriteBaseSize = _baseFileSize;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogLoaded(seconds);
    }

    /// <summary>
    /// Redis's <c>aofOpenIfNeededOnServerStart</c> and <c>aofDelHistoryFiles</c>: with <c>appendonly yes</c>, writes a base
    /// of the dataset if the manifest names no file, opens the last incremental file for appending (or a new one), and
    /// writes the manifest; throws when the directory or a file cannot be written (the server must not start then).
    /// </summary>
    public void OpenAtStartup()
    {
        if (!_options.AppendOnly || IsOn)
        {
            return;
        }

        Directory.CreateDirectory(DirectoryPath);
        if (_manifest.IsEmpty)
        {
            var manifest = _manifest.WithNewBase(_options.AofUseRdbPreamble, out var baseFile);
            WriteBase(Path.Combine(DirectoryPath, baseFile.Name));
            _manifest = manifest;
            _baseFileSize = _rewriteBaseSize = new FileInfo(Path.Combine(DirectoryPath, baseFile.Name)).Length;
            LogBaseCreated(baseFile.Name);
        }

        var incremental = _manifest.Incremental.Count > 0 ? _manifest.Incremental[^1] : null;
        if (incremental is null)
        {
            _manifest = _manifest.WithNewIncremental(out incremental);
        }

        OpenIncremental(incremental.Name);
        WriteManifest(_manifest);
        DeleteHistory();
        Start();
    }

    public void Append(int database, CommandArgs command)
    {
        // feedAppendOnlyFile: a SELECT first when the command ran on another database than the last one logged.
        if (database != _selectedDatabase)
        {
            _buffer.Write(SelectName, CommandPropagation.Number(database));
            _selectedDatabase = database;
        }

        _buffer.Write(command);
    }

    /// <summary>
    /// Redis's <c>flushAppendOnlyFile</c>: writes what the batch logged before the transport sends the replies, and with
    /// <c>everysec</c> asks the fsync thread once a second. A failed write keeps the bytes for the next try, is logged,
    /// and makes writes get <c>-MISCONF</c> until a write succeeds.
    /// </summary>
    public void FlushBeforeReplies()
    {
        if (_file is null)
        {
            return;
        }

        if (_buffer.Length != 0)
        {
            try
            {
                _file.Write(_buffer.Written);
                _incrementalSize += _buffer.Length;
                _buffer.Clear();
                if (_writeRefusal is not null)
                {
                    LogWriteRecovered();
                    _writeRefusal = null;
                }
            }
            catch (IOException e)
            {
                // A short write leaves part of a command: cut it off, so the file ends with a whole command.
                TryTruncate(_incrementalSize);
                if (_writeRefusal is null)
                {
                    LogWriteFailed(e.Message);
                }

                _writeRefusal = Errors.AppendOnlyWriteFailed(SystemReason(e));
                return;
            }
        }

        if (_syncedSize == _incrementalSize || (_options.NoAppendfsyncOnRewrite && _rewriting is not null))
        {
            return;
        }

        if (_options.AppendFsync != "everysec" || _time.GetElapsedTime(_lastSyncTimestamp) < TimeSpan.FromSeconds(1))
        {
            return;
        }

        if (_syncInFlight)
        {
            // Redis's aof_delayed_fsync: the disk is slower than a second; the next flush asks again.
            _delayedFsyncs++;
            return;
        }

        _syncInFlight = true;
        _syncedSize = _incrementalSize;
        _lastSyncTimestamp = _time.GetTimestamp();
        _syncRequested.Set();
    }

    /// <summary>
    /// With <c>appendfsync always</c>, flushes to disk what <see cref="FlushBeforeReplies"/> wrote, before the transport
    /// sends a reply: one fsync covers every batch written since the last (Redis's group commit per event-loop turn).
    /// </summary>
    public void SyncBeforeSend()
    {
        if (_syncedSize != _incrementalSize && _options.AppendFsync == "always" && !(_options.NoAppendfsyncOnRewrite && _rewriting is not null))
        {
            SyncNow();
        }
    }

    /// <summary>The cron's part: flushes what expiry logged, collects a finished rewrite, starts a scheduled or due one.</summary>
    public void Run(long now)
    {
        FlushBeforeReplies();
        SyncBeforeSend();
        if (_rewriting is { Writer.IsCompleted: true } finished)
        {
            FinishRewrite(finished);
        }

        if (_child.Active != BackgroundChildKind.None)
        {
            return;
        }

        if (_rewriteScheduled)
        {
            StartRewrite();
            return;
        }

        // serverCron: the files grew by auto-aof-rewrite-percentage since the last rewrite, and are past the minimum.
        var size = _baseFileSize + _incrementalSize;
        var percentage = _options.AutoAofRewritePercentage;
        if (IsOn && percentage != 0 && size > _options.AutoAofRewriteMinSize)
        {
            var baseSize = Math.Max(_rewriteBaseSize, 1);
            var growth = (size * 100 / baseSize) - 100;
            if (growth >= percentage)
            {
                LogAutoRewrite(growth);
                StartRewrite();
            }
        }
    }

    public string? LoadAgain()
    {
        FlushBeforeReplies();
        SyncNow();
        _databases.Clear();
        var log = _propagation.IsAttached(this);
        _propagation.Detach(this);
        try
        {
            Load();
            DeleteHistory();
        }
        catch (Exception e) when (e is AofFormatException or RdbFormatException or IOException or UnauthorizedAccessException)
        {
            LogLoadFailed(e.Message);
            return "ERR Error loading the append only file: " + e.Message;
        }
        finally
        {
            if (log)
            {
                _propagation.Attach(this);
            }
        }

        LogLoadedByDebug();
        return null;
    }

    public RewriteOutcome BackgroundRewrite()
    {
        if (_rewriting is not null)
        {
            return RewriteOutcome.InProgress;
        }

        if (_child.Active != BackgroundChildKind.None)
        {
            _rewriteScheduled = true;
            return RewriteOutcome.Scheduled;
        }

        return StartRewrite() ? RewriteOutcome.Started : RewriteOutcome.Failed;
    }

    /// <summary>
    /// Redis's <c>prepareForShutdown</c> for the append-only file: a rewrite in progress is stopped and its temporary
    /// file removed, and what is logged is written and flushed to disk.
    /// </summary>
    public void PrepareForShutdown()
    {
        // Redis refuses to exit while the first base is written ("Writing initial AOF, can't exit."); here it is waited for.
        if (_waitingForRewrite && _rewriting is not null)
        {
            _child.FinishNow();
        }

        KillRewrite();
        if (IsOn)
        {
            FlushBeforeReplies();
            SyncNow();
        }
    }

    /// <remarks>Idempotent: the container disposes the instance once per service it is registered as.</remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillRewrite();
        Stop();
        _syncRequested.Dispose();
    }

    private AofManifest ReadManifest()
    {
        var path = Path.Combine(DirectoryPath, AofManifest.ManifestName(_options.AppendFilename));
        return File.Exists(path)
            ? AofManifest.Parse(_options.AppendFilename, File.ReadAllText(path))
            : AofManifest.Empty(_options.AppendFilename);
    }

    // CONFIG SET appendonly: startAppendOnly writes a base of the dataset now (through a rewrite), stopAppendOnly closes the file.
    private void Switch(bool on)
    {
        if (!on)
        {
            if (IsOn)
            {
                KillRewrite();
                FlushBeforeReplies();
                SyncNow();
                Stop();
            }

            return;
        }

        if (IsOn)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(DirectoryPath);
            _manifest = ReadManifest();
            var temp = Path.Combine(DirectoryPath, _manifest.TempIncrementalName);
            PersistenceFiles.TryDelete(temp);
            OpenIncremental(_manifest.TempIncrementalName);
            _waitingForRewrite = true;
            Start();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AofFormatException)
        {
            LogCannotTurnOn(e.Message);
            _options.AppendOnly = false;
            Stop();
            return;
        }

        // The temporary file holds the writes from now on; the rewrite's base holds the dataset as it is now.
        KillRewrite();
        if (_child.Active != BackgroundChildKind.None)
        {
            _rewriteScheduled = true;
        }
        else
        {
            StartRewrite();
        }
    }

    private void Start()
    {
        _selectedDatabase = -1;
        _lastSyncTimestamp = _time.GetTimestamp();
        _stopping = false;
        _syncThread = new Thread(SyncLoop) { IsBackground = true, Name = "aof-fsync" };
        _syncThread.Start();
        _propagation.Attach(this);
    }

    private void Stop()
    {
        _propagation.Detach(this);
        _stopping = true;
        _syncRequested.Set();
        _syncThread?.Join();
        _syncThread = null;
        lock (_fileLock)
        {
            _file?.Dispose();
            _file = null;
        }

        _buffer.Clear();
        _waitingForRewrite = false;
        _writeRefusal = null;
    }

    private void OpenIncremental(string name)
    {
        // O_APPEND, unbuffered: each flush is one write(2) of the batch's commands.
        var file = new FileStream(Path.Combine(DirectoryPath, name), FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        lock (_fileLock)
        {
            _file?.Dispose();
            _file = file;
        }

        _incrementalSize = _syncedSize = file.Length;
        _selectedDatabase = -1;
    }

    private void SyncNow()
    {
        try
        {
            lock (_fileLock)
            {
                _file?.Flush(flushToDisk: true);
            }

            _syncedSize = _incrementalSize;
            _lastSyncTimestamp = _time.GetTimestamp();
        }
        catch (IOException e)
        {
            LogSyncFailed(e.Message);
            _writeRefusal = Errors.AppendOnlyWriteFailed(SystemReason(e));
        }
    }

    // The bio fsync job: one fsync per request, outside the serving thread.
    private void SyncLoop()
    {
        while (true)
        {
            _syncRequested.WaitOne();
            if (_stopping)
            {
                return;
            }

            try
            {
                lock (_fileLock)
                {
                    _file?.Flush(flushToDisk: true);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                LogSyncFailed(e.Message);
            }
            finally
            {
                _syncInFlight = false;
            }
        }
    }

    private void WriteBase(string path)
    {
        var snapshot = _databases.OpenSnapshot(_time.GetUnixMilliseconds());
        try
        {
            WriteBaseFile(path, snapshot, CancellationToken.None);
        }
        finally
        {
            snapshot.Close();
        }
    }

    // Any thread: reads only the snapshot. Written under a temporary name, flushed to disk, then renamed.
    private void WriteBaseFile(string path, DatasetSnapshot snapshot, CancellationToken cancel)
    {
        var temp = path + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (_options.AofUseRdbPreamble)
                {
                    SnapshotFile.WriteRdb(file, snapshot, new RdbWriterOptions(_options.RdbCompression, _options.RdbChecksum), _time, aofBase: true, cancel);
                }
                else
                {
                    SnapshotFile.WriteCommands(file, snapshot, cancel);
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            PersistenceFiles.TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Redis's <c>rewriteAppendOnlyFileBackground</c>: the writes so far are flushed, a new incremental file takes the
    /// writes from now on (the manifest names it at once), and another thread writes the new base from a snapshot
    /// taken at this same instant. The manifest changes over to the new base once it is complete (<see cref="FinishRewrite"/>).
    /// </summary>
    private bool StartRewrite()
    {
        _rewriteScheduled = false;
        try
        {
            Directory.CreateDirectory(DirectoryPath);
            if (!IsOn)
            {
                // Redis reads the manifest at every start: a rewrite with the file off continues its numbering.
                _manifest = ReadManifest();
            }
            else if (!_waitingForRewrite)
            {
                FlushBeforeReplies();
                SyncNow();
                var manifest = _manifest.WithNewIncremental(out var incremental);
                OpenIncremental(incremental.Name);
                _manifest = manifest;
                WriteManifest(_manifest);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AofFormatException)
        {
            LogRewriteFailed(e.Message);
            RewriteFailed();
            return false;
        }

        var snapshot = _databases.OpenSnapshot(_time.GetUnixMilliseconds());
        var temp = Path.Combine(DirectoryPath, $"temp-rewriteaof-bg-{Environment.ProcessId}.aof");
        var cancel = new CancellationTokenSource();
        var writer = Task.Factory.StartNew(() => WriteBaseFile(temp, snapshot, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var running = _rewriting = new RunningRewrite(snapshot, writer, cancel, temp, _time.GetTimestamp());
        _child.Take(BackgroundChildKind.AofRewrite, () =>
        {
            PersistenceFiles.WaitQuietly(running.Writer);
            FinishRewrite(running);
        });
        _rewrites++;
        LogRewriteStarted();
        return true;
    }

    /// <summary>
    /// Redis's <c>backgroundRewriteDoneHandler</c>: the new base takes its name, the old base and the incremental files
    /// before the new one become history in a new manifest, and the history files are deleted.
    /// </summary>
    private void FinishRewrite(RunningRewrite finished)
    {
        _rewriting = null;
        _child.Release();
        finished.Snapshot.Close();
        finished.Cancel.Dispose();
        _lastRewriteSeconds = (long)_time.GetElapsedTime(finished.StartedTimestamp).TotalSeconds;
        if (!finished.Writer.IsCompletedSuccessfully)
        {
            if (finished.Writer.Exception?.InnerException is { } error && error is not OperationCanceledException)
            {
                LogRewriteFailed(error.Message);
            }

            RewriteFailed();
            return;
        }

        try
        {
            var manifest = _manifest.WithNewBase(_options.AofUseRdbPreamble, out var baseFile);
            var basePath = Path.Combine(DirectoryPath, baseFile.Name);
            File.Move(finished.TempPath, basePath, overwrite: true);
            if (_waitingForRewrite)
            {
                // The temporary file becomes the first incremental file after the new base (the open handle follows the rename).
                manifest = manifest.WithNewIncremental(out var incremental);
                File.Move(Path.Combine(DirectoryPath, manifest.TempIncrementalName), Path.Combine(DirectoryPath, incremental.Name), overwrite: true);
                _waitingForRewrite = false;
            }

            manifest = manifest.WithRewrittenIncrementalsAsHistory(keepLast: IsOn);
            WriteManifest(manifest);
            _manifest = manifest;
            _baseFileSize = new FileInfo(basePath).Length;
            _rewriteBaseSize = _baseFileSize + _incrementalSize;
            DeleteHistory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRewriteFailed(e.Message);
            PersistenceFiles.TryDelete(finished.TempPath);
            RewriteFailed();
            return;
        }

        _lastRewriteOk = true;
        _consecutiveFailures = 0;
        LogRewriteDone();
    }

    private void RewriteFailed()
    {
        _lastRewriteOk = false;
        _consecutiveFailures++;

        // Redis retries the first base from the cron until it is written.
        _rewriteScheduled |= _waitingForRewrite;
    }

    private void KillRewrite()
    {
        if (_rewriting is not { } running)
        {
            return;
        }

        LogKillingRewrite();
        running.Cancel.Cancel();
        PersistenceFiles.WaitQuietly(running.Writer);
        running.Snapshot.Close();
        running.Cancel.Dispose();
        PersistenceFiles.TryDelete(running.TempPath);
        _rewriting = null;
        _child.Release();
    }

    private void DeleteHistory()
    {
        if (_manifest.History.Count == 0)
        {
            return;
        }

        foreach (var file in _manifest.History)
        {
            LogRemovingHistory(file.Name);
            PersistenceFiles.TryDelete(Path.Combine(DirectoryPath, file.Name));
        }

        _manifest = _manifest.WithoutHistory();
        WriteManifest(_manifest);
    }

    // persistAofManifest: a temporary file flushed to disk, then renamed over the manifest.
    private void WriteManifest(AofManifest manifest)
    {
        var path = Path.Combine(DirectoryPath, AofManifest.ManifestName(_options.AppendFilename));
        var temp = Path.Combine(DirectoryPath, "temp-" + AofManifest.ManifestName(_options.AppendFilename));
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(manifest.Format()));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    // strerror's text, as Redis quotes it: .NET appends " : 'path'" to the system's message.
    private static string SystemReason(IOException e)
    {
        var end = e.Message.IndexOf(" : '", StringComparison.Ordinal);
        return end < 0 ? e.Message : e.Message[..end];
    }

    private void TryTruncate(long length)
    {
        try
        {
            _file?.SetLength(length);
            _file?.Seek(0, SeekOrigin.End);
        }
        catch (IOException)
        {
            // The disk refuses even that: the next load truncates the torn command (aof-load-truncated).
        }
    }

    private sealed record RunningRewrite(DatasetSnapshot Snapshot, Task Writer, CancellationTokenSource Cancel, string TempPath, long StartedTimestamp);

    [LoggerMessage(EventId = 80, Level = LogLevel.Information, Message = "DB loaded from append only file: {Seconds:0.000} seconds")]
    private partial void LogLoaded(double seconds);

    [LoggerMessage(EventId = 81, Level = LogLevel.Information, Message = "Creating AOF base file {Name} on server start")]
    private partial void LogBaseCreated(string name);

    [LoggerMessage(EventId = 82, Level = LogLevel.Warning, Message = "Error writing to the AOF file: {Reason}")]
    private partial void LogWriteFailed(string reason);

    [LoggerMessage(EventId = 83, Level = LogLevel.Warning, Message = "AOF write error looks solved, Redis can write again.")]
    private partial void LogWriteRecovered();

    [LoggerMessage(EventId = 84, Level = LogLevel.Warning, Message = "Can't persist the AOF file to disk (fsync): {Reason}")]
    private partial void LogSyncFailed(string reason);

    [LoggerMessage(EventId = 85, Level = LogLevel.Information, Message = "Starting automatic rewriting of AOF on {Growth}% growth")]
    private partial void LogAutoRewrite(long growth);

    [LoggerMessage(EventId = 86, Level = LogLevel.Information, Message = "Background append only file rewriting started")]
    private partial void LogRewriteStarted();

    [LoggerMessage(EventId = 87, Level = LogLevel.Information, Message = "Background AOF rewrite finished successfully")]
    private partial void LogRewriteDone();

    [LoggerMessage(EventId = 88, Level = LogLevel.Warning, Message = "Background AOF rewrite failed: {Reason}")]
    private partial void LogRewriteFailed(string reason);

    [LoggerMessage(EventId = 89, Level = LogLevel.Warning, Message = "Killing running AOF rewrite")]
    private partial void LogKillingRewrite();

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Removing the history file {Name}")]
    private partial void LogRemovingHistory(string name);

    [LoggerMessage(EventId = 91, Level = LogLevel.Warning, Message = "Unable to turn on AOF: {Reason}")]
    private partial void LogCannotTurnOn(string reason);

    [LoggerMessage(EventId = 97, Level = LogLevel.Warning, Message = "Append Only File loaded by DEBUG LOADAOF")]
    private partial void LogLoadedByDebug();

    [LoggerMessage(EventId = 98, Level = LogLevel.Warning, Message = "Error loading the append only file: {Reason}")]
    private partial void LogLoadFailed(string reason);
}
