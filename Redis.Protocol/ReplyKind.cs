namespace Redis.Protocol;

/// <summary>The reply types a command can produce: RESP2's, and the ones RESP3 adds.</summary>
/// <remarks>
/// A command answers one kind whatever the connection speaks; <see cref="ReplyWriter"/> encodes the RESP3-only kinds
/// the way Redis 7 does for a RESP2 connection (a map as a flat array, a double as a bulk string, and so on).
/// </remarks>
public enum ReplyKind : byte
{
    SimpleString,
    Error,
    Integer,
    BulkString,

    /// <summary>A missing value: <c>$-1</c> in RESP2, <c>_</c> in RESP3.</summary>
    Null,
    Array,

    /// <summary>The null array (<c>*-1</c> in RESP2, <c>_</c> in RESP3): what <c>EXEC</c> answers when a watched key changed.</summary>
    NullArray,

    /// <summary>Key-value pairs, held flat (<c>k1, v1, k2, v2</c>): <c>%</c> in RESP3, a flat array in RESP2.</summary>
    Map,

    /// <summary>An unordered collection: <c>~</c> in RESP3, an array in RESP2.</summary>
    Set,

    /// <summary>A double, held as its text: <c>,</c> in RESP3, a bulk string in RESP2.</summary>
    Double,

    /// <summary><c>#t</c>/<c>#f</c> in RESP3, <c>:1</c>/<c>:0</c> in RESP2.</summary>
    Boolean,

    /// <summary>An integer's decimal text too large for 64 bits: <c>(</c> in RESP3, a bulk string in RESP2.</summary>
    BigNumber,

    /// <summary>Text with a three-letter format (<c>txt</c>, <c>mkd</c>): <c>=</c> in RESP3, a bulk string of the text alone in RESP2.</summary>
    Verbatim,

    /// <summary>Out-of-band data such as a pub/sub message: <c>&gt;</c> in RESP3, an array in RESP2.</summary>
    Push,

    /// <summary>
    /// Several pushes sent one after another, each whole, with no header of their own: what a command that answers
    /// once per argument sends (<c>SUBSCRIBE a b</c> confirms each channel), as Redis adds one reply per channel.
    /// </summary>
    Pushes,

    /// <summary>
    /// Bytes already in wire form, written as they are whatever the connection speaks: the replication stream a master
    /// sends its replicas (<c>+FULLRESYNC</c>, the RDB payload, then the commands), which is not a reply to encode.
    /// </summary>
    Raw,
}
