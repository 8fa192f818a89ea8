using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Scripting;

/// <summary>The port to the Lua engine (ADR 0031): runs scripts, holds the script cache by SHA1 digest.</summary>
/// <remarks>
/// Implemented in Infrastructure, over a native Lua. The commands a script calls go back through the router, on a
/// session of the engine's own (Redis's <c>lua_client</c>) on the caller's database, so a script sees exactly what
/// the same commands sent alone would. Only the serving thread calls it.
/// </remarks>
public interface IScriptEngine
{
    /// <summary>
    /// Runs a script for <paramref name="caller"/>: its body (<paramref name="bySha"/> false) or the digest of one in
    /// the cache, with <c>KEYS</c> the <paramref name="keyCount"/> words of <paramref name="args"/> from
    /// <paramref name="firstKey"/>, and <c>ARGV</c> the words after them.
    /// </summary>
    /// <returns>The script's value as a reply, or the error that stopped it (<c>NOSCRIPT</c>, a compile error, ...).</returns>
    Reply Run(ClientSession caller, ReadOnlySpan<byte> scriptOrSha, bool bySha, CommandArgs args, int firstKey, int keyCount, bool readOnly);

    /// <summary><c>SCRIPT LOAD</c>: compiles and caches the body; its digest as a bulk reply, or the compile error.</summary>
    Reply Load(ReadOnlySpan<byte> body);

    /// <summary>Whether the cache holds the script with this digest (any letter case).</summary>
    bool Exists(ReadOnlySpan<byte> sha);

    /// <summary><c>SCRIPT FLUSH</c>: empties the cache and starts a fresh Lua state.</summary>
    void Flush();
}
