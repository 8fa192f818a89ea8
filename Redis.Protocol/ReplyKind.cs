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
}
