using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Redis.Application.Cluster;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Infrastructure.Scripting;

/// <summary>Redis 7.0's <c>EVAL</c> engine over a native Lua 5.4 (ADR 0031): one Lua state, the scripts cached by SHA1.</summary>
/// <remarks>
/// <para>
/// A script runs on the serving thread to its end, so it is atomic as in Redis: no other command touches the keyspace
/// meanwhile. Past <c>busy-reply-threshold</c> the other connections are answered between its instructions
/// (<see cref="RunningScript"/>, through the prelude's count hook and <see cref="Interrupt(nint)"/>). The
/// commands it calls go through <see cref="CommandRouter.Run"/>, the path <c>EXEC</c>'s commands take, on the
/// engine's own session (Redis's <c>lua_client</c>) set to the caller's database; its writes reach the log one by
/// one, between a <c>MULTI</c> and an <c>EXEC</c>, as Redis 7 replicates a script by its effects.
/// </para>
/// <para>
/// Values cross between Lua and replies by Redis's rules (<c>script_lua.c</c>), in the protocol the script chose with
/// <c>redis.setresp</c>: see <see cref="PushReply"/> and <see cref="ToReply"/>. The C# functions Lua calls never raise
/// a Lua error (a <c>longjmp</c> across .NET frames is undefined): they return values, and the Lua half
/// (<see cref="LuaPrelude"/>) raises.
/// </para>
/// </remarks>
public sealed unsafe partial class LuaScriptEngine : IScriptEngine, IDisposable
{
    private const int GlobalsIndex = 2; // LUA_RIDX_GLOBALS
    private const int MaxReplyDepth = 1000;

    private readonly CommandRouter _router;
    private readonly MemoryLimit _memory;
    private readonly CommandTable _table;
    private readonly CommandPropagation _propagation;
    private readonly RunningScript _run;
    private readonly ClusterRouting? _cluster;

    /// <summary>Redis's <c>original_c->slot</c>: the slot of the running script's keys, declared or touched first; -1 before any.</summary>
    private int _scriptSlot = -1;
    private readonly ErrorStatistics _errors;
    private readonly ILogger _logger;
    private readonly ClientSession _session = ClientSession.ForScript();
    private readonly Dictionary<string, Script> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Script>.AlternateLookup<ReadOnlySpan<char>> _bySha;
    private GCHandle _self;
    private nint _state;
    private int _handlerRef;
    private int _envRef;
    private int _markRef;
    private int _takePendingRef;
    private int _armRef;

    // redis.call returned an error that its Lua half raises at the script's next instruction, if there is one.
    private bool _pendingRaise;
    private int _gcCountdown = GcPeriod;

    // The words of the command a script calls, packed into one reused buffer (Redis's cached lua_argv).
    private byte[] _argBuffer = new byte[256];
    private ArgSlice[] _argSlices = new ArgSlice[8];

    // The run in progress: its protocol (redis.setresp), whether writes are refused, whether a command it called is
    // running (no interruption then), and whether it was told to stop.
    private bool _resp3;
    private bool _refuseWrites;

    // The running script declared allow-oom (Redis's SCRIPT_ALLOW_OOM): scriptVerifyOOM lets every command through.
    private bool _allowOom;
    private bool _inCommand;
    private bool _stopped;
    private string _sha = string.Empty;

    // The script run last (see Find).
    private Script? _lastEvaluated;

    private const int GcPeriod = 50;

    public LuaScriptEngine(CommandRouter router, CommandTable table, CommandPropagation propagation, RunningScript run, ErrorStatistics errors, MemoryLimit memory, ILogger<LuaScriptEngine> logger, ClusterRouting? cluster = null)
    {
        _cluster = cluster is { Enabled: true } ? cluster : null;
        _errors = errors;
        _memory = memory;
        run.MayGrowMemory = MayGrowMemory;
        _router = router;
        _table = table;
        _propagation = propagation;
        _run = run;
        _logger = logger;
        _bySha = _scripts.GetAlternateLookup<ReadOnlySpan<char>>();
        _self = GCHandle.Alloc(this);
        _session.MayBlock = false;
        Open();
    }

    /// <summary>
    /// Redis's <c>evalGetCommandFlags</c> for <c>denyoom</c>: a script with a shebang that declares neither
    /// <c>allow-oom</c> nor <c>no-writes</c> counts as <c>denyoom</c>; one without a shebang, or not found by its digest,
    /// keeps <c>EVAL</c>'s own flags (not <c>denyoom</c>).
    /// </summary>
    private bool MayGrowMemory(ReadOnlySpan<byte> scriptOrSha, bool bySha)
    {
        bool noWrites, compatible, allowOom;
        Span<char> sha = stackalloc char[40];
        if (bySha && (scriptOrSha.Length != 40 || Encoding.ASCII.GetChars(scriptOrSha, sha) != 40))
        {
            return false;
        }

        if (!bySha)
        {
            Digest(scriptOrSha, sha);
        }

        if (_bySha.TryGetValue(sha, out var script))
        {
            (noWrites, compatible, allowOom) = (script.NoWrites, script.Compatible, script.AllowOom);
        }
        else if (bySha || Shebang.TryRead(scriptOrSha, out _, out noWrites, out compatible, out allowOom) is not null)
        {
            return false;
        }

        return !compatible && !noWrites && !allowOom;
    }

    public Reply Run(ClientSession caller, ReadOnlySpan<byte> scriptOrSha, bool bySha, CommandArgs args, int firstKey, int keyCount, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Find(scriptOrSha, bySha, out var script) is { } refused)
        {
            return refused;
        }

        // scriptPrepareForRun: a script that declares it writes may not run as _RO.
        if (readOnly && !script.Compatible && !script.NoWrites)
        {
            return Errors.ScriptWriteFlagOnReadOnly;
        }

        return Call(caller, script, args, firstKey, keyCount, readOnly || script.NoWrites);
    }

    /// <summary>
    /// The script to run: the one run last when the body (<c>EVAL</c>) or the digest (<c>EVALSHA</c>, any letter case)
    /// is the same (a client usually sends one script over and over, which then costs a comparison instead of a digest
    /// and a lookup), else the cache's by digest, an <c>EVAL</c> body compiled into it on first sight.
    /// </summary>
    /// <returns>Null, or why there is none: <c>NOSCRIPT</c> for a digest not cached, the compile error of a body.</returns>
    private Reply? Find(ReadOnlySpan<byte> scriptOrSha, bool bySha, out Script script)
    {
        if (_lastEvaluated is { } last &&
            (bySha ? System.Text.Ascii.EqualsIgnoreCase(scriptOrSha, last.ShaBytes) : scriptOrSha.SequenceEqual(last.Body)))
        {
            script = last;
            return null;
        }

        Span<char> sha = stackalloc char[40];
        if (bySha)
        {
            Encoding.ASCII.GetChars(scriptOrSha, sha);
        }
        else
        {
            Digest(scriptOrSha, sha);
        }

        if (!_bySha.TryGetValue(sha, out script!))
        {
            if (bySha)
            {
                return Errors.NoScript;
            }

            if (Compile(scriptOrSha, new string(sha), out script) is { } refused)
            {
                return refused;
            }
        }

        _lastEvaluated = script;
        return null;
    }

    public Reply Load(ReadOnlySpan<byte> body)
    {
        Span<char> sha = stackalloc char[40];
        Digest(body, sha);
        if (_bySha.TryGetValue(sha, out var script))
        {
            return Reply.Bulk(script.ShaBytes);
        }

        var text = new string(sha);
        return Compile(body, text, out _) ?? Reply.Bulk(text);
    }

    public bool Exists(ReadOnlySpan<byte> sha)
    {
        if (sha.Length != 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[40];
        Encoding.ASCII.GetChars(sha, chars);
        return _bySha.ContainsKey(chars);
    }

    public void Flush()
    {
        _scripts.Clear();
        _lastEvaluated = null;
        LuaNative.lua_close(_state);
        Open();
    }

    public void Dispose()
    {
        if (_state != 0)
        {
            LuaNative.lua_close(_state);
            _state = 0;
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    private static void Digest(ReadOnlySpan<byte> body, Span<char> sha)
    {
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // Redis names scripts by their SHA1 digest; it is an identifier, not a safeguard.
        SHA1.HashData(body, hash);
#pragma warning restore CA5350
        Convert.TryToHexStringLower(hash, sha, out _);
    }

    /// <summary>Redis's <c>luaCreateFunction</c>: reads the shebang, compiles the body, and caches it under its digest.</summary>
    private Reply? Compile(ReadOnlySpan<byte> body, string sha, out Script script)
    {
        script = null!;
        if (Shebang.TryRead(body, out var offset, out var noWrites, out var compatible, out var allowOom) is { } invalid)
        {
            return Reply.Error("ERR " + invalid);
        }

        var state = _state;
        var code = body[offset..];
        int status;
        fixed (byte* bytes = code)
        fixed (byte* name = "@user_script\0"u8)
        fixed (byte* mode = "t\0"u8)
        {
            status = LuaNative.luaL_loadbufferx(state, bytes == null ? (byte*)1 : bytes, code.Length, name, mode);
        }

        if (status != LuaNative.StatusOk)
        {
            var message = LuaNative.TryGetBytes(state, -1, out var text) ? Encoding.UTF8.GetString(text) : "unknown error";
            LuaNative.Pop(state, 1);

            // Lua 5.1 quotes the end of the input in its messages ('<eof>'); 5.4 does not.
            return Errors.ScriptCompile(message.Replace("near <eof>", "near '<eof>'", StringComparison.Ordinal));
        }

        // The chunk sees the read-only globals, not the table the libraries were loaded into.
        _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, _envRef);
        LuaNative.lua_setupvalue(state, -2, 1);
        var reference = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
        script = new Script(sha, body.ToArray(), reference, noWrites, compatible) { AllowOom = allowOom };
        _scripts[sha] = script;
        return null;
    }

    /// <summary>Redis's <c>luaCallFunction</c>: <c>KEYS</c> and <c>ARGV</c>, the call under the error handler, the reply.</summary>
    private Reply Call(ClientSession caller, Script script, CommandArgs args, int firstKey, int keyCount, bool refuseWrites)
    {
        var state = _state;
        var top = LuaNative.lua_gettop(state);
        _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, _handlerRef);
        _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, script.Reference);

        _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, GlobalsIndex);
        SetArray(state, "KEYS"u8, args, firstKey, keyCount);
        _scriptSlot = keyCount > 0 ? Redis.Domain.Cluster.HashSlot.Of(args[firstKey]) : -1;
        SetArray(state, "ARGV"u8, args, firstKey + keyCount, args.Count - firstKey - keyCount);
        LuaNative.Pop(state, 1);

        // prepareLuaClient: the caller's database, RESP2 until the script asks for 3.
        _session.Database = caller.Database;
        _session.Protocol = RespVersion.Resp2;
        _resp3 = false;
        _refuseWrites = refuseWrites;
        _allowOom = script.AllowOom && !script.Compatible;
        _sha = script.Sha;
        _stopped = false;
        _run.Begin(caller);
        _pendingRaise = false;
        _propagation.BeginTransaction();
        int status;
        try
        {
            status = LuaNative.lua_pcallk(state, 0, 1, top + 1, 0, 0);
        }
        finally
        {
            _propagation.EndTransaction();
            _run.End();
        }

        if (_stopped)
        {
            // The hook that raised the kill at every line gives way to the one that counts instructions.
            _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, _armRef);
            LuaNative.lua_callk(state, 0, 0, 0, 0);
        }

        if (_pendingRaise)
        {
            // The failed redis.call was the script's last act (its return): nothing ran after it to raise its error.
            _pendingRaise = false;
            LuaNative.lua_sethook(state, 0, 0, 0);
            _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, _takePendingRef);
            LuaNative.lua_callk(state, 0, 1, 0, 0);
            if (LuaNative.lua_type(state, -1) == LuaNative.TypeTable)
            {
                status = -1;
            }
            else
            {
                LuaNative.Pop(state, 1);
            }
        }

        Reply reply;
        if (status != LuaNative.StatusOk)
        {
            reply = ErrorReply(state, script.Sha);
        }
        else
        {
            reply = ToReply(state, 0);
        }

        if (reply.IsError && CountedAlready(state))
        {
            // The error is the reply of a command the script called, counted in errorstats when that command failed:
            // EVAL's reply does not count it again (Redis's ERR_REPLY_FLAG_NO_STATS_UPDATE), though EVAL failed.
            _errors.SkipNextCount();
        }

        LuaNative.lua_settop(state, top);

        // Redis steps the collector every 50 scripts rather than letting a full cycle land on one.
        if (--_gcCountdown == 0)
        {
            _gcCountdown = GcPeriod;
            _ = LuaNative.lua_gc(state, 5 /* LUA_GCSTEP */, GcPeriod);
        }

        return reply;
    }

    private static void SetArray(nint state, ReadOnlySpan<byte> name, CommandArgs args, int first, int count)
    {
        LuaNative.PushBytes(state, name);
        LuaNative.lua_createtable(state, count, 0);
        for (var i = 0; i < count; i++)
        {
            LuaNative.PushBytes(state, args[first + i]);
            LuaNative.lua_rawseti(state, -2, i + 1);
        }

        LuaNative.lua_rawset(state, -3);
    }

    /// <summary>The error the handler made of what stopped the script, formatted as <c>luaCallFunction</c> does.</summary>
    private static Reply ErrorReply(nint state, string sha)
    {
        if (LuaNative.lua_type(state, -1) != LuaNative.TypeTable)
        {
            var text = LuaNative.TryGetBytes(state, -1, out var bytes) ? Encoding.UTF8.GetString(bytes) : "execution failure";
            return Reply.Error($"ERR Error running script {sha}, {(text.Length > 100 ? text[..100] : text)}".Replace('\n', ' ').Replace('\r', ' '));
        }

        var message = Field(state, "err"u8) ?? "(null)";
        return Errors.ScriptError(message, sha, Field(state, "source"u8), Field(state, "line"u8));
    }

    /// <summary>Whether the value on top is an error table a command's reply made (<see cref="PushError"/> marks them).</summary>
    private static bool CountedAlready(nint state)
    {
        if (LuaNative.lua_type(state, -1) != LuaNative.TypeTable)
        {
            return false;
        }

        var marked = LuaNative.RawGetField(state, -1, "ignore_error_stats_update"u8) == LuaNative.TypeBoolean &&
            LuaNative.lua_toboolean(state, -1) != 0;
        LuaNative.Pop(state, 1);
        return marked;
    }

    /// <summary>A string (or number) field of the table on top; null for any other type.</summary>
    private static string? Field(nint state, ReadOnlySpan<byte> name)
    {
        var type = LuaNative.RawGetField(state, -1, name);
        var value = type is LuaNative.TypeString or LuaNative.TypeNumber && LuaNative.TryGetBytes(state, -1, out var bytes)
            ? Encoding.UTF8.GetString(bytes)
            : null;
        LuaNative.Pop(state, 1);
        return value;
    }

    private void Open()
    {
        var state = LuaNative.luaL_newstate();
        _state = state;
        foreach (var (name, opener) in Libraries)
        {
            fixed (byte* text = Encoding.ASCII.GetBytes(name + "\0"))
            {
                LuaNative.luaL_requiref(state, text, LuaNative.Export(opener), 1);
            }

            LuaNative.Pop(state, 1);
        }

        RunLibrary(state, LuaStruct.Source, "=struct\0"u8);

        var prelude = Encoding.UTF8.GetBytes(LuaPrelude.Source);
        int status;
        fixed (byte* bytes = prelude)
        fixed (byte* name = "=prelude\0"u8)
        {
            status = LuaNative.luaL_loadbufferx(state, bytes, prelude.Length, name, null);
        }

        if (status != LuaNative.StatusOk)
        {
            throw new InvalidOperationException("The Lua prelude does not compile: " + (LuaNative.TryGetBytes(state, -1, out var e) ? Encoding.UTF8.GetString(e) : "?"));
        }

        var self = GCHandle.ToIntPtr(_self);
        PushFunction(state, &CallCommand, self, raise: true);
        PushFunction(state, &CallCommand, self, raise: false);
        PushFunction(state, &Sha1Hex, self, raise: false);
        PushFunction(state, &Log, self, raise: false);
        PushFunction(state, &SetResp, self, raise: false);
        LuaNative.lua_pushlightuserdata(state, 0);
        PushFunction(state, &Interrupt, self, raise: false);
        if (LuaNative.lua_pcallk(state, 7, 5, 0, 0, 0) != LuaNative.StatusOk)
        {
            throw new InvalidOperationException("The Lua prelude failed: " + (LuaNative.TryGetBytes(state, -1, out var e) ? Encoding.UTF8.GetString(e) : "?"));
        }

        _armRef = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
        _takePendingRef = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
        _markRef = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
        _envRef = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
        _handlerRef = LuaNative.luaL_ref(state, LuaNative.RegistryIndex);
    }

    /// <summary>Runs a library written in Lua (it sets its global) in the state the prelude has not locked yet.</summary>
    private static void RunLibrary(nint state, string source, ReadOnlySpan<byte> chunkNameWithNul)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        int status;
        fixed (byte* text = bytes)
        fixed (byte* name = chunkNameWithNul)
        {
            status = LuaNative.luaL_loadbufferx(state, text, bytes.Length, name, null);
        }

        if (status != LuaNative.StatusOk || LuaNative.lua_pcallk(state, 0, 0, 0, 0, 0) != LuaNative.StatusOk)
        {
            throw new InvalidOperationException("A Lua library failed to load: " + (LuaNative.TryGetBytes(state, -1, out var e) ? Encoding.UTF8.GetString(e) : "?"));
        }
    }

    private static readonly (string Name, string Opener)[] Libraries =
    [
        ("_G", "luaopen_base"), ("table", "luaopen_table"), ("string", "luaopen_string"), ("math", "luaopen_math"),
        ("coroutine", "luaopen_coroutine"), ("utf8", "luaopen_utf8"), ("debug", "luaopen_debug"),
    ];

    private static void PushFunction(nint state, delegate* unmanaged<nint, int> function, nint self, bool raise)
    {
        LuaNative.lua_pushlightuserdata(state, self);
        LuaNative.lua_pushboolean(state, raise ? 1 : 0);
        LuaNative.lua_pushcclosure(state, function, 2);
    }

    private static LuaScriptEngine Engine(nint state) =>
        (LuaScriptEngine)GCHandle.FromIntPtr(LuaNative.lua_touserdata(state, LuaNative.RegistryIndex - 1)).Target!;

    [UnmanagedCallersOnly]
    private static int CallCommand(nint state)
    {
        try
        {
            var raise = LuaNative.lua_toboolean(state, LuaNative.RegistryIndex - 2) != 0;
            return Engine(state).RunCommand(state, raise);
        }
#pragma warning disable CA1031 // An exception must not unwind into Lua's C frames: it becomes the call's error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LuaNative.lua_settop(state, 0);
            PushError(state, "ERR " + exception.Message);
            return 1;
        }
    }

    [UnmanagedCallersOnly]
    private static int Sha1Hex(nint state)
    {
        if (LuaNative.lua_gettop(state) != 1)
        {
            return Engine(state).Fail(state, "ERR wrong number of arguments", raise: true);
        }

        Span<char> sha = stackalloc char[40];
        if (LuaNative.lua_type(state, 1) == LuaNative.TypeNumber)
        {
            // lua_tolstring's text in Lua 5.1, which Redis digests: %.14g (10/2 is "5", not 5.4's "5.0").
            Digest(Encoding.ASCII.GetBytes(RedisDouble.Format(LuaNative.lua_tonumberx(state, 1, null), 14)), sha);
        }
        else
        {
            LuaNative.TryGetBytes(state, 1, out var text);
            Digest(text, sha);
        }

        Span<byte> ascii = stackalloc byte[40];
        Encoding.ASCII.GetBytes(sha, ascii);
        LuaNative.PushBytes(state, ascii);
        return 1;
    }

    /// <summary>Redis's <c>luaLogCommand</c>: a level (<c>redis.LOG_*</c>) and the words to log, joined by spaces.</summary>
    [UnmanagedCallersOnly]
    private static int Log(nint state)
    {
        try
        {
            var engine = Engine(state);
            var count = LuaNative.lua_gettop(state);
            if (count < 2)
            {
                return engine.Fail(state, "ERR redis.log() requires two arguments or more.", raise: true);
            }

            int isNumber;
            var level = LuaNative.lua_tonumberx(state, 1, &isNumber);
            if (isNumber == 0)
            {
                return engine.Fail(state, "ERR First argument must be a number (log level).", raise: true);
            }

            if (level is < 0 or >= 4)
            {
                return engine.Fail(state, "ERR Invalid debug level.", raise: true);
            }

            var text = new StringBuilder();
            for (var i = 2; i <= count; i++)
            {
                if (LuaNative.TryGetBytes(state, i, out var bytes))
                {
                    text.Append(i == 2 ? string.Empty : " ").Append(Encoding.UTF8.GetString(bytes));
                }
            }

            engine.LogScript((int)level switch { 0 or 1 => LogLevel.Debug, 2 => LogLevel.Information, _ => LogLevel.Warning }, text.ToString());
        }
#pragma warning disable CA1031 // A failed log line must not unwind into Lua.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return 0;
    }

    /// <summary>Redis's <c>luaSetResp</c>: the protocol the script's <c>redis.call</c> replies are read in, and its booleans returned in.</summary>
    [UnmanagedCallersOnly]
    private static int SetResp(nint state)
    {
        var engine = Engine(state);
        if (LuaNative.lua_gettop(state) != 1)
        {
            return engine.Fail(state, "ERR redis.setresp() requires one argument.", raise: true);
        }

        var resp = LuaNative.lua_tonumberx(state, 1, null);
        if (resp is not (>= 2 and < 3) and not (>= 3 and < 4))
        {
            return engine.Fail(state, "ERR RESP version must be 2 or 3.", raise: true);
        }

        engine._resp3 = resp >= 3;
        engine._session.Protocol = engine._resp3 ? RespVersion.Resp3 : RespVersion.Resp2;
        return 0;
    }

    /// <summary>
    /// The prelude's count hook, every 100000 instructions: <see cref="RunningScript.Interrupt"/> between the script's
    /// own instructions, never while a command it called runs. Returns whether the script must stop.
    /// </summary>
    [UnmanagedCallersOnly]
    private static int Interrupt(nint state)
    {
        var stop = false;
        try
        {
            stop = Engine(state).Interrupt();
        }
#pragma warning disable CA1031 // An exception must not unwind into Lua's C frames; the script goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        LuaNative.lua_pushboolean(state, stop ? 1 : 0);
        return 1;
    }

    private bool Interrupt()
    {
        if (_inCommand)
        {
            return false;
        }

        if (_stopped)
        {
            return true;
        }

        var wasBusy = _run.IsBusy;
        _stopped = _run.Interrupt();
        if (!wasBusy && _run.IsBusy)
        {
            LogSlowScript(_logger, _run.ElapsedMilliseconds, _sha);
        }

        if (_stopped && _run.IsAborted)
        {
            LogAborted(_logger);
        }
        else if (_stopped)
        {
            LogKilled(_logger);
        }

        return _stopped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow script detected: still in execution after {Elapsed} milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: {Sha}.")]
    private static partial void LogSlowScript(ILogger logger, long elapsed, string sha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lua script killed by user with SCRIPT KILL.")]
    private static partial void LogKilled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lua script stopped: the server is shutting down.")]
    private static partial void LogAborted(ILogger logger);

    private void LogScript(LogLevel level, string text) => ScriptLog(_logger, level, text);

    [LoggerMessage(Message = "{Text}")]
    private static partial void ScriptLog(ILogger logger, LogLevel level, string text);

    /// <summary>
    /// Redis's <c>luaRedisGenericCommand</c>: the Lua arguments as a command, the checks <c>scriptCall</c> makes, the
    /// command through the router, its reply pushed as Lua values. Returns what Lua receives: the value, or for
    /// <c>redis.call</c> an error table and <c>true</c>, which the Lua half raises.
    /// </summary>
    private int RunCommand(nint state, bool raise)
    {
        var count = LuaNative.lua_gettop(state);
        if (count == 0)
        {
            return Fail(state, "ERR Please specify at least one argument for this redis lib call", raise);
        }

        if (!TryReadArguments(state, count, out var args))
        {
            return Fail(state, "ERR Lua redis lib command arguments must be strings or integers", raise);
        }

        LuaNative.lua_settop(state, 0);
        if (!_table.TryFind(args[0], out var binder))
        {
            return Fail(state, "ERR Unknown Redis command called from script", raise);
        }

        // lookupCommand finds a container's subcommand with it; scriptVerifyCommandArity.
        var spec = binder.Spec;
        if (spec.IsContainer && args.Count >= 2)
        {
            spec = spec.FindSubcommand(args[1]) ?? spec;
            if (spec == binder.Spec)
            {
                return Fail(state, "ERR Unknown Redis command called from script", raise);
            }
        }

        if (!binder.Spec.AcceptsArgumentCount(args.Count) || !spec.AcceptsArgumentCount(args.Count))
        {
            return Fail(state, "ERR Wrong number of args calling Redis command from script", raise);
        }

        if (spec.DeniedInScript || binder.Spec.DeniedInScript)
        {
            return Fail(state, "ERR This Redis command is not allowed from script", raise);
        }

        if (_refuseWrites && spec.IsWrite)
        {
            return Fail(state, "ERR Write commands are not allowed from read-only scripts.", raise);
        }

        // scriptVerifyOOM: over maxmemory when the script started, a denyoom command is refused until the script has
        // written (then it must be let finish), except for a file being replayed.
        if (_memory.OutOfMemoryBeforeCommand && _memory.Limit != 0 && !_run.HasWritten && !_allowOom &&
            (spec.DeniedOnOutOfMemory || binder.Spec.DeniedOnOutOfMemory) && _run.Caller?.Id != ClientSession.ReplayClientId)
        {
            return Fail(state, "OOM command not allowed when used memory > 'maxmemory'.", raise);
        }

        // scriptVerifyClusterState: on a cluster node, a call's keys are this node's and in the script's one slot
        // (except for a file being replayed).
        if (_cluster is not null && _run.Caller?.Id != ClientSession.ReplayClientId &&
            _cluster.ScriptCallError(spec, args, ref _scriptSlot) is { } refused)
        {
            return Fail(state, Encoding.UTF8.GetString(refused.Bytes), raise);
        }

        if (spec.IsWrite)
        {
            _run.Wrote();
        }

        _inCommand = true;
        Reply reply;
        try
        {
            reply = _router.Run(_session, binder, args);
        }
        finally
        {
            _inCommand = false;
        }

        if (reply.IsError)
        {
            return Fail(state, Encoding.UTF8.GetString(reply.Bytes), raise);
        }

        PushReply(state, reply, 0);
        return 1;
    }

    /// <summary>Answers <paramref name="error"/> to Lua: returned by <c>redis.pcall</c>, marked to be raised by <c>redis.call</c>.</summary>
    private int Fail(nint state, string error, bool raise)
    {
        LuaNative.lua_settop(state, 0);
        PushError(state, error);
        if (raise)
        {
            _ = LuaNative.lua_rawgeti(state, LuaNative.RegistryIndex, _markRef);
            LuaNative.lua_pushvalue(state, -2);
            LuaNative.lua_callk(state, 1, 0, 0, 0);
            _pendingRaise = true;
        }

        return 1;
    }

    /// <summary>Redis's <c>luaPushErrorBuff</c> for a reply's error text (code first): <c>{err = "CODE message"}</c>, no trailing newline.</summary>
    private static void PushError(nint state, string text)
    {
        LuaNative.lua_createtable(state, 0, 2);
        LuaNative.PushBytes(state, Encoding.UTF8.GetBytes(text.TrimEnd('\r', '\n')));
        fixed (byte* name = "err\0"u8)
        {
            LuaNative.lua_setfield(state, -2, name);
        }

        LuaNative.lua_pushboolean(state, 1);
        fixed (byte* name = "ignore_error_stats_update\0"u8)
        {
            LuaNative.lua_setfield(state, -2, name);
        }
    }

    /// <summary>
    /// Redis's <c>luaArgsToRedisArgv</c>: strings as they are, integers in decimal, other numbers as <c>%.17g</c>; false
    /// when an argument is neither (a table, a boolean, nil).
    /// </summary>
    private bool TryReadArguments(nint state, int count, out CommandArgs args)
    {
        if (_argSlices.Length < count)
        {
            _argSlices = new ArgSlice[Math.Max(count, _argSlices.Length * 2)];
        }

        var used = 0;
        for (var i = 1; i <= count; i++)
        {
            var type = LuaNative.lua_type(state, i);
            if (type == LuaNative.TypeNumber)
            {
                Reserve(used, 32);
                int written;
                if (LuaNative.lua_isinteger(state, i) != 0)
                {
                    System.Buffers.Text.Utf8Formatter.TryFormat(LuaNative.lua_tointegerx(state, i, null), _argBuffer.AsSpan(used), out written);
                }
                else
                {
                    written = Encoding.ASCII.GetBytes(RedisDouble.Format(LuaNative.lua_tonumberx(state, i, null)), _argBuffer.AsSpan(used));
                }

                _argSlices[i - 1] = new ArgSlice(used, written);
                used += written;
                continue;
            }

            if (type != LuaNative.TypeString || !LuaNative.TryGetBytes(state, i, out var word))
            {
                args = default;
                return false;
            }

            Reserve(used, word.Length);
            word.CopyTo(_argBuffer.AsSpan(used));
            _argSlices[i - 1] = new ArgSlice(used, word.Length);
            used += word.Length;
        }

        args = new CommandArgs(_argBuffer, _argSlices, count);
        return true;
    }

    private void Reserve(int used, int length)
    {
        if (_argBuffer.Length - used < length)
        {
            Array.Resize(ref _argBuffer, Math.Max(_argBuffer.Length * 2, used + length));
        }
    }

    /// <summary>
    /// Redis's <c>redisProtocolToLuaType</c>: a command's reply as the Lua value a script receives, read in the
    /// protocol the script chose. RESP2: a status is <c>{ok=...}</c>, an error <c>{err=...}</c>, a null
    /// <c>false</c>, a map a flat array, a double its text. RESP3 adds <c>nil</c>, booleans, <c>{map=...}</c>,
    /// <c>{set=...}</c>, <c>{double=...}</c>, <c>{big_number=...}</c> and <c>{verbatim_string=...}</c>.
    /// </summary>
    internal void PushReply(nint state, Reply reply, int depth)
    {
        _ = LuaNative.lua_checkstack(state, 5);
        switch (reply.Kind)
        {
            case ReplyKind.SimpleString:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.PushBytes(state, reply.Bytes);
                SetField(state, "ok\0"u8);
                break;
            case ReplyKind.Error:
                PushError(state, Encoding.UTF8.GetString(reply.Bytes));
                break;
            case ReplyKind.Integer:
                LuaNative.lua_pushinteger(state, reply.IntegerValue);
                break;
            case ReplyKind.BulkString:
                LuaNative.PushBytes(state, reply.Bytes);
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                if (_resp3)
                {
                    LuaNative.lua_pushnil(state);
                }
                else
                {
                    LuaNative.lua_pushboolean(state, 0);
                }

                break;
            case ReplyKind.Boolean:
                if (_resp3)
                {
                    LuaNative.lua_pushboolean(state, reply.IntegerValue != 0 ? 1 : 0);
                }
                else
                {
                    LuaNative.lua_pushinteger(state, reply.IntegerValue);
                }

                break;
            case ReplyKind.Double when _resp3:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.lua_pushnumber(state, ParseDouble(reply.Bytes));
                SetField(state, "double\0"u8);
                break;
            case ReplyKind.BigNumber when _resp3:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.PushBytes(state, reply.Bytes);
                SetField(state, "big_number\0"u8);
                break;
            case ReplyKind.Verbatim when _resp3:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.lua_createtable(state, 0, 2);
                LuaNative.PushBytes(state, reply.Text);
                SetField(state, "string\0"u8);
                LuaNative.PushBytes(state, reply.Bytes[..3]);
                SetField(state, "format\0"u8);
                SetField(state, "verbatim_string\0"u8);
                break;
            case ReplyKind.Double or ReplyKind.BigNumber or ReplyKind.Verbatim:
                LuaNative.PushBytes(state, reply.Text);
                break;
            case ReplyKind.Map when _resp3:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.lua_createtable(state, 0, reply.Items.Count / 2);
                for (var i = 0; i + 1 < reply.Items.Count; i += 2)
                {
                    PushReply(state, reply.Items[i], depth + 1);
                    PushReply(state, reply.Items[i + 1], depth + 1);
                    LuaNative.lua_settable(state, -3);
                }

                SetField(state, "map\0"u8);
                break;
            case ReplyKind.Set when _resp3:
                LuaNative.lua_createtable(state, 0, 1);
                LuaNative.lua_createtable(state, 0, reply.Items.Count);
                foreach (var item in reply.Items)
                {
                    PushReply(state, item, depth + 1);
                    LuaNative.lua_pushboolean(state, 1);
                    LuaNative.lua_settable(state, -3);
                }

                SetField(state, "set\0"u8);
                break;
            case ReplyKind.Pushes:
                // Several replies at once (SUBSCRIBE's confirmations): the script sees the first, as Redis parses one.
                if (reply.Items.Count > 0)
                {
                    PushReply(state, reply.Items[0], depth);
                }
                else
                {
                    LuaNative.lua_pushnil(state);
                }

                break;
            default:
                var items = reply.Items;
                LuaNative.lua_createtable(state, items.Count, 0);
                for (var i = 0; i < items.Count; i++)
                {
                    PushReply(state, items[i], depth + 1);
                    LuaNative.lua_rawseti(state, -2, i + 1);
                }

                break;
        }
    }

    private static double ParseDouble(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("inf"u8) ? double.PositiveInfinity
        : text.SequenceEqual("-inf"u8) ? double.NegativeInfinity
        : double.TryParse(Encoding.ASCII.GetString(text), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : double.NaN;

    private static void SetField(nint state, ReadOnlySpan<byte> nameWithNul)
    {
        fixed (byte* name = nameWithNul)
        {
            LuaNative.lua_setfield(state, -2, name);
        }
    }

    /// <summary>
    /// Redis's <c>luaReplyToRedisReply</c>: the Lua value on top of the stack as the reply (popping it). A string is a
    /// bulk, a number an integer (truncated), a boolean 1 or null in RESP2 and a boolean in RESP3; a table is an error
    /// (<c>err</c>), a status (<c>ok</c>), a double, a big number, a verbatim string, a map, a set, or else an array
    /// up to its first nil; anything else is null.
    /// </summary>
    internal Reply ToReply(nint state, int depth)
    {
        if (depth > MaxReplyDepth || LuaNative.lua_checkstack(state, 4) == 0)
        {
            LuaNative.Pop(state, 1);
            return Reply.Error("ERR reached lua stack limit");
        }

        Reply reply;
        switch (LuaNative.lua_type(state, -1))
        {
            case LuaNative.TypeString:
                LuaNative.TryGetBytes(state, -1, out var bytes);
                reply = Reply.Bulk(bytes.ToArray());
                break;
            case LuaNative.TypeBoolean:
                var truth = LuaNative.lua_toboolean(state, -1) != 0;
                reply = _resp3 ? Reply.Boolean(truth) : truth ? Reply.One : Reply.Nil;
                break;
            case LuaNative.TypeNumber:
                reply = Reply.Integer(LuaNative.lua_isinteger(state, -1) != 0
                    ? LuaNative.lua_tointegerx(state, -1, null)
                    : Truncate(LuaNative.lua_tonumberx(state, -1, null)));
                break;
            case LuaNative.TypeTable:
                reply = TableToReply(state, depth);
                break;
            default:
                reply = Reply.Nil;
                break;
        }

        LuaNative.Pop(state, 1);
        return reply;
    }

    // C's (long long) cast of a double, as x86-64 does it: out of range and NaN give the smallest long.
    private static long Truncate(double value) =>
        double.IsNaN(value) || value >= 9223372036854775808.0 || value < -9223372036854775808.0 ? long.MinValue : (long)value;

    private Reply TableToReply(nint state, int depth)
    {
        if (LuaNative.RawGetField(state, -1, "err"u8) == LuaNative.TypeString)
        {
            LuaNative.TryGetBytes(state, -1, out var error);
            var text = Encoding.UTF8.GetString(error);
            LuaNative.Pop(state, 1);
            return Errors.ScriptReturned(text);
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "ok"u8) == LuaNative.TypeString)
        {
            LuaNative.TryGetBytes(state, -1, out var status);
            var reply = status.SequenceEqual("OK"u8) ? Reply.Ok : Reply.Simple(Encoding.UTF8.GetString(status).Replace('\r', ' ').Replace('\n', ' '));
            LuaNative.Pop(state, 1);
            return reply;
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "double"u8) == LuaNative.TypeNumber)
        {
            var value = LuaNative.lua_tonumberx(state, -1, null);
            LuaNative.Pop(state, 1);
            return Reply.Double(value);
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "big_number"u8) == LuaNative.TypeString)
        {
            LuaNative.TryGetBytes(state, -1, out var digits);
            var text = Encoding.UTF8.GetString(digits).Replace('\r', ' ').Replace('\n', ' ');
            LuaNative.Pop(state, 1);
            return Reply.BigNumber(text);
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "verbatim_string"u8) == LuaNative.TypeTable)
        {
            if (LuaNative.RawGetField(state, -1, "format"u8) == LuaNative.TypeString)
            {
                if (LuaNative.RawGetField(state, -2, "string"u8) == LuaNative.TypeString &&
                    LuaNative.TryGetBytes(state, -2, out var format) && format.Length == 3 &&
                    LuaNative.TryGetBytes(state, -1, out var text))
                {
                    var reply = Reply.Verbatim(Encoding.UTF8.GetString(text), Encoding.ASCII.GetString(format));
                    LuaNative.Pop(state, 3);
                    return reply;
                }

                LuaNative.Pop(state, 1);
            }

            LuaNative.Pop(state, 1);
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "map"u8) == LuaNative.TypeTable)
        {
            var pairs = new List<Reply>();
            LuaNative.lua_pushnil(state);
            while (LuaNative.lua_next(state, -2) != 0)
            {
                LuaNative.lua_pushvalue(state, -2);
                pairs.Add(ToReply(state, depth + 1));
                pairs.Add(ToReply(state, depth + 1));
            }

            LuaNative.Pop(state, 1);
            return Reply.Map([.. pairs]);
        }

        LuaNative.Pop(state, 1);
        if (LuaNative.RawGetField(state, -1, "set"u8) == LuaNative.TypeTable)
        {
            var members = new List<Reply>();
            LuaNative.lua_pushnil(state);
            while (LuaNative.lua_next(state, -2) != 0)
            {
                LuaNative.Pop(state, 1);
                LuaNative.lua_pushvalue(state, -1);
                members.Add(ToReply(state, depth + 1));
            }

            LuaNative.Pop(state, 1);
            return Reply.Set([.. members]);
        }

        LuaNative.Pop(state, 1);
        var items = new List<Reply>();
        for (var index = 1L; ; index++)
        {
            if (LuaNative.lua_rawgeti(state, -1, index) == LuaNative.TypeNil)
            {
                LuaNative.Pop(state, 1);
                break;
            }

            items.Add(ToReply(state, depth + 1));
        }

        return items.Count == 0 ? Reply.EmptyArray : Reply.Array([.. items]);
    }

    private sealed record Script(string Sha, byte[] Body, int Reference, bool NoWrites, bool Compatible)
    {
        public byte[] ShaBytes { get; } = Encoding.ASCII.GetBytes(Sha);

        /// <summary>The shebang's <c>allow-oom</c> flag.</summary>
        public bool AllowOom { get; init; }
    }
}
