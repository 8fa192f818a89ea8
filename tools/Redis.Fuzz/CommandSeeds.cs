using System.Globalization;
using System.Text;

namespace Redis.Fuzz;

/// <summary>
/// Request streams for the hash, list, set, sorted-set and bitmap commands: valid calls with their options, on keys of
/// one type and of another (WRONGTYPE), big enough to convert encodings, so that mutations reach every handler's binder
/// and edge cases. Each is a chunking byte, then the stream.
/// </summary>
internal static class CommandSeeds
{
    private static readonly string[][] Commands =
    [
        ["HSET", "h", "f1", "v1", "f2", "10"], ["HDEL", "h", "f1", "nope"], ["HGET", "h", "f2"], ["HLEN", "h"],
        ["HINCRBY", "h", "f2", "-9223372036854775807"], ["HINCRBY", "h", "f1", "x"], ["HGETALL", "h"], ["HMGET", "h", "f1", "f2"],
        ["HSETNX", "h", "f3", "v"], ["HINCRBYFLOAT", "h", "f2", "1.5e3"], ["HRANDFIELD", "h", "-5", "WITHVALUES"], ["HSCAN", "h", "0", "MATCH", "f*", "COUNT", "2"],
        ["LPUSH", "l", "a", "b", "c"], ["RPUSH", "l", "d"], ["LPOP", "l", "2"], ["RPOP", "l", "0"], ["LLEN", "l"],
        ["LRANGE", "l", "-100", "100"], ["LINDEX", "l", "-1"], ["LREM", "l", "-2", "a"], ["LMOVE", "l", "l2", "LEFT", "RIGHT"],
        ["LINSERT", "l", "BEFORE", "a", "z"], ["LSET", "l", "0", "x"], ["LTRIM", "l", "1", "-2"], ["LPOS", "l", "a", "RANK", "-1", "COUNT", "0", "MAXLEN", "9"],
        ["LMPOP", "2", "l", "l2", "RIGHT", "COUNT", "3"], ["BLPOP", "l", "0.01"], ["BZPOPMIN", "z", "0.01"],
        ["SADD", "s", "1", "2", "300", "-4"], ["SADD", "s", "word"], ["SREM", "s", "2", "x"], ["SCARD", "s"], ["SISMEMBER", "s", "1"],
        ["SMEMBERS", "s"], ["SINTERSTORE", "d", "s", "s2"], ["SUNION", "s", "s2"], ["SDIFFSTORE", "d", "s", "nope"], ["SRANDMEMBER", "s", "-3"],
        ["SPOP", "s", "2"], ["SMOVE", "s", "s2", "1"], ["SINTERCARD", "2", "s", "s2", "LIMIT", "1"], ["SMISMEMBER", "s", "1", "9"],
        ["ZADD", "z", "NX", "CH", "1", "a", "2.5", "b", "-inf", "c"], ["ZADD", "z", "XX", "GT", "INCR", "1e300", "a"], ["ZADD", "z", "LT", "NX", "1", "a"],
        ["ZINCRBY", "z", "+inf", "a"], ["ZREM", "z", "a", "q"], ["ZCARD", "z"], ["ZSCORE", "z", "b"], ["ZRANK", "z", "b"],
        ["ZRANGE", "z", "0", "-1", "WITHSCORES"], ["ZRANGE", "z", "(1", "+inf", "BYSCORE", "LIMIT", "0", "-1", "WITHSCORES"],
        ["ZRANGE", "z", "[a", "(c", "BYLEX", "REV", "LIMIT", "1", "2"], ["ZPOPMIN", "z", "3"], ["ZPOPMAX", "z"], ["ZRANGESTORE", "d", "z", "0", "-1"],
        ["ZUNIONSTORE", "d", "2", "z", "s", "WEIGHTS", "2", "0.5", "AGGREGATE", "MAX"], ["ZINTER", "2", "z", "s", "WITHSCORES"], ["ZCOUNT", "z", "-inf", "(2"],
        ["ZLEXCOUNT", "z", "-", "+"], ["ZRANDMEMBER", "z", "-2", "WITHSCORES"], ["ZMSCORE", "z", "a", "b"], ["ZREMRANGEBYSCORE", "z", "0", "1"],
        ["SETBIT", "b", "7", "1"], ["SETBIT", "b", "100000", "0"], ["GETBIT", "b", "100"], ["BITCOUNT", "b", "0", "-1", "BIT"],
        ["BITPOS", "b", "1", "2", "-1", "BYTE"], ["BITOP", "XOR", "d", "b", "h"], ["BITFIELD", "b", "SET", "u8", "#1", "255", "INCRBY", "i5", "100", "1", "OVERFLOW", "FAIL"],
        ["TYPE", "z"], ["RENAME", "z", "h"], ["EXPIRE", "l", "10"], ["DEL", "h", "l", "s", "z", "b"],
    ];

    /// <summary>Each command alone, and the whole set pipelined after a big add on every type.</summary>
    public static IEnumerable<byte[]> All()
    {
        byte chunking = 0;
        foreach (var command in Commands)
        {
            yield return [chunking++, .. Encode(command)];
        }

        string[][] big =
        [
            ["HSET", "h", .. Enumerable.Range(0, 520).SelectMany(i => new[] { "f" + i, "v" })],
            ["RPUSH", "l", .. Enumerable.Range(0, 300).Select(i => "e" + i)],
            ["SADD", "s", .. Enumerable.Range(0, 520).Select(i => i.ToString(CultureInfo.InvariantCulture))],
            ["ZADD", "z", .. Enumerable.Range(0, 130).SelectMany(i => new[] { (i * 0.5).ToString(CultureInfo.InvariantCulture), "m" + i })],
        ];
        yield return [255, .. big.Concat(Commands).SelectMany(Encode)];
    }

    private static byte[] Encode(string[] words)
    {
        var text = new StringBuilder($"*{words.Length}\r\n");
        foreach (var word in words)
        {
            text.Append($"${Encoding.Latin1.GetByteCount(word)}\r\n{word}\r\n");
        }

        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
