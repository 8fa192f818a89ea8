using System.Runtime.InteropServices;
using System.Text;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Common;

/// <summary>
/// The error replies the server sent: <c>total_error_replies</c> in <c>INFO stats</c>, and one <c>errorstat_&lt;CODE&gt;</c>
/// count per error code in <c>INFO errorstats</c> (Redis's <c>server.errors</c>).
/// </summary>
/// <remarks>
/// <para>
/// The code is the error's first word, as Redis's <c>afterErrorReply</c> takes it: up to the first space within the
/// first 32 bytes of <c>-CODE message</c>, and <c>ERR</c> when there is no space there.
/// </para>
/// <para>
/// Redis 7.0 keeps every code it meets, and so does this server, scripts' made-up codes (<c>redis.error_reply</c>)
/// among them. Redis 7.2 stops adding codes at 128 (<c>ERROR_STATS_NUMBER</c>) against such scripts.
/// </para>
/// <para>Written and read on the serving thread only, as <see cref="Routing.CommandCounters"/> are.</para>
/// </remarks>
public sealed class ErrorStatistics
{
    private const int CodeSearchLength = 32;

    private readonly Dictionary<byte[], long> _byCode = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], long>.AlternateLookup<ReadOnlySpan<byte>> _byCodeSpan;
    private long _countedByLastCall;
    private bool _skipNext;

    public ErrorStatistics() => _byCodeSpan = _byCode.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary><c>total_error_replies</c>: error replies sent since the start or the last <c>CONFIG RESETSTAT</c>.</summary>
    public long Total { get; private set; }

    /// <summary>The count of each error code, ordered by code as Redis's radix tree lists them.</summary>
    public IEnumerable<(string Code, long Count)> Codes =>
        _byCode.Select(pair => (Encoding.UTF8.GetString(pair.Key), pair.Value)).OrderBy(code => code.Item1, StringComparer.Ordinal);

    /// <summary>Counts <paramref name="reply"/> when it is an error, unless <see cref="SkipNextCount"/> asked to skip it; nothing otherwise.</summary>
    public void Count(Reply reply)
    {
        if (!reply.IsError)
        {
            return;
        }

        if (_skipNext)
        {
            _skipNext = false;
            return;
        }

        Total++;
        var text = reply.Text;
        var space = text[..Math.Min(text.Length, CodeSearchLength - 1)].IndexOf((byte)' ');
        var code = space >= 0 ? text[..space] : "ERR"u8;
        if (_byCodeSpan.TryGetValue(code, out var count))
        {
            _byCodeSpan[code] = count + 1;
        }
        else
        {
            _byCode.Add(code.ToArray(), 1);
        }
    }

    /// <summary>
    /// The next error reply counted was counted already, as the reply of the command that failed (a script's error
    /// that came from <c>redis.call</c>): Redis's <c>ERR_REPLY_FLAG_NO_STATS_UPDATE</c>.
    /// </summary>
    public void SkipNextCount() => _skipNext = true;

    /// <summary>
    /// Whether an error reply was counted since the last call to this method: Redis's <c>incrCommandStatsOnError</c>,
    /// which compares <c>stat_total_error_replies</c> with the count it kept, so a command <c>EXEC</c> ran takes its own
    /// error and <c>EXEC</c> does not count it again.
    /// </summary>
    public bool CountedSinceLastCall()
    {
        var counted = Total != _countedByLastCall;
        _countedByLastCall = Total;
        return counted;
    }

    /// <summary>Redis's <c>resetErrorTableStats</c> and <c>stat_total_error_replies = 0</c> (<c>CONFIG RESETSTAT</c>).</summary>
    public void Reset()
    {
        _byCode.Clear();
        Total = 0;
        _countedByLastCall = 0;
        _skipNext = false;
    }
}
