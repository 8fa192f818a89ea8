using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Propagation;

/// <summary>
/// Redis's <c>propagate</c>: hands every write that changed the dataset to the <see cref="ICommandLog"/>, as the command
/// that replays it to the same result, and the removal of each key whose time ran out as a <c>DEL</c>.
/// </summary>
/// <remarks>
/// <para>
/// The router asks for every command flagged <c>write</c> that changed a key (<see cref="Databases.Changes"/>), after it
/// ran; a command that did nothing is not logged, as Redis logs nothing when <c>server.dirty</c> did not move. A command
/// whose effect depends on when or by chance it ran says how to log it instead with <see cref="Replace"/>, as Redis's
/// commands rewrite their <c>argv</c>: a relative TTL becomes <c>PEXPIREAT</c> or <c>SET ... PXAT</c> at the instant
/// computed, <c>SPOP</c> the <c>SREM</c> of what it popped, <c>INCRBYFLOAT</c> the <c>SET</c> of its result. So replaying
/// the log at any later time, with expiry paused (<see cref="Databases.ExpiryPaused"/>), rebuilds the dataset.
/// </para>
/// <para>
/// <c>EXEC</c>'s writes are wrapped in <c>MULTI</c> ... <c>EXEC</c> (<see cref="BeginTransaction"/>), opened at its first
/// write, so a transaction that wrote nothing leaves nothing. With no log attached (the default, in memory) the router
/// pays one field test per command and <see cref="Replace"/> does nothing.
/// </para>
/// </remarks>
public sealed class CommandPropagation(Databases databases) : IKeyspaceObserver
{
    private static readonly byte[] MultiName = "MULTI"u8.ToArray();
    private static readonly byte[] ExecName = "EXEC"u8.ToArray();

    /// <summary>Command names a rewritten command is logged with.</summary>
    public static readonly byte[] Del = "DEL"u8.ToArray(), Set = "SET"u8.ToArray(), Persist = "PERSIST"u8.ToArray(),
        PExpireAt = "PEXPIREAT"u8.ToArray(), SRem = "SREM"u8.ToArray(), HSet = "HSET"u8.ToArray(), KeepTtl = "KEEPTTL"u8.ToArray();

    private ICommandLog? _log;
    private ICommandLog[] _logs = [];
    private CommandArgs? _replacement;
    private int _transactionDepth;
    private int _transactionDatabase = -1;

    /// <summary>True while a log is attached: the router then hands it the writes.</summary>
    public bool IsActive => _log is not null;

    /// <summary>Starts handing the writes to <paramref name="log"/> too (the append-only file, the replication stream); a second call does nothing.</summary>
    public void Attach(ICommandLog log)
    {
        if (!_logs.Contains(log))
        {
            Use([.. _logs, log]);
        }
    }

    /// <summary>True while <paramref name="log"/> receives the writes.</summary>
    public bool IsAttached(ICommandLog log) => _logs.Contains(log);

    /// <summary>Stops handing the writes to <paramref name="log"/>.</summary>
    public void Detach(ICommandLog log) => Use([.. _logs.Where(l => l != log)]);

    private void Use(ICommandLog[] logs)
    {
        _logs = logs;
        _log = logs.Length switch
        {
            0 => null,
            1 => logs[0],
            _ => new FanOut(logs),
        };
        databases.Observe(this, on: _log is not null);
    }

    /// <summary>Several logs receive each write, in the order they were attached.</summary>
    private sealed class FanOut(ICommandLog[] logs) : ICommandLog
    {
        public void Append(int database, CommandArgs command)
        {
            foreach (var log in logs)
            {
                log.Append(database, command);
            }
        }
    }

    /// <summary>
    /// Redis's <c>rewriteClientCommandVector</c>: the command running now is logged as <paramref name="words"/> instead
    /// of the words it was sent with. Does nothing while no log is attached.
    /// </summary>
    public void Replace(params byte[][] words)
    {
        if (_log is not null)
        {
            _replacement = CommandArgs.From(words);
        }
    }

    /// <summary>
    /// Logs the command running now as <c>PEXPIREAT key instant</c>, or as <c>DEL key</c> when it deleted the key
    /// (<paramref name="expiresAt"/> null): how Redis logs <c>EXPIRE</c>, <c>GETEX</c> and their kin.
    /// </summary>
    public void ReplaceWithExpiry(ReadOnlySpan<byte> key, long? expiresAt)
    {
        if (_log is not null)
        {
            _replacement = expiresAt is { } instant
                ? CommandArgs.From(PExpireAt, key.ToArray(), Number(instant))
                : CommandArgs.From(Del, key.ToArray());
        }
    }

    /// <summary>A number as a command word.</summary>
    public static byte[] Number(long value) => System.Text.Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What <see cref="Replace"/> said of the command the router is about to run, set aside for the commands it runs in turn (<c>EXEC</c>'s).</summary>
    public CommandArgs? Enter()
    {
        var outer = _replacement;
        _replacement = null;
        return outer;
    }

    /// <summary>The command <see cref="Enter"/> began has run: logs it, as sent or as replaced, when <paramref name="changed"/>.</summary>
    public void Leave(CommandArgs? outer, int database, CommandArgs sent, bool changed)
    {
        var replacement = _replacement;
        _replacement = outer;
        if (changed && _log is not null)
        {
            Append(database, replacement ?? sent);
        }
    }

    /// <summary>
    /// <c>EXEC</c> begins running its queue, or a script begins: the writes that follow go between <c>MULTI</c> and
    /// <c>EXEC</c>. Nested (a script <c>EXEC</c> runs), the outer one's <c>MULTI</c> holds them all, as Redis wraps a
    /// transaction's effects once (<c>propagatePendingCommands</c>).
    /// </summary>
    public void BeginTransaction() => _transactionDepth++;

    /// <summary><c>EXEC</c> ran its queue, or a script ended: the outermost closes the <c>MULTI</c> its first write opened, if any.</summary>
    public void EndTransaction()
    {
        if (--_transactionDepth == 0 && _transactionDatabase >= 0)
        {
            var database = _transactionDatabase;
            _transactionDatabase = -1;
            _log?.Append(database, CommandArgs.From(ExecName));
        }
    }

    /// <summary>
    /// A key the server removed by itself, outside any command (an eviction): logged as <c>DEL</c> on its own, never
    /// inside a transaction's <c>MULTI</c>, as <c>performEvictions</c> propagates with <c>propagate_no_multi</c>.
    /// </summary>
    public void Deleted(int database, ReadOnlySpan<byte> key) => _log?.Append(database, CommandArgs.From(Del, key.ToArray()));

    void IKeyspaceObserver.Expired(int database, ReadOnlySpan<byte> key)
    {
        if (_log is not null)
        {
            // Redis's deleteExpiredKeyAndPropagate: the replay finds every key it found live, and removes it here.
            Append(database, CommandArgs.From(Del, key.ToArray()));
        }
    }

    void IKeyspaceObserver.Created(int database, ReadOnlySpan<byte> key)
    {
    }

    void IKeyspaceObserver.Missed(int database, ReadOnlySpan<byte> key)
    {
    }

    private void Append(int database, CommandArgs command)
    {
        if (_transactionDepth > 0 && _transactionDatabase < 0)
        {
            _transactionDatabase = database;
            _log!.Append(database, CommandArgs.From(MultiName));
        }

        _log!.Append(database, command);
    }
}
