namespace Redis.Protocol;

/// <summary>The RESP2 reply types a command can produce.</summary>
public enum ReplyKind : byte
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Null,
    Array,

    /// <summary>The null array (<c>*-1</c> in RESP2): what <c>EXEC</c> answers when a watched key changed.</summary>
    NullArray,
}
