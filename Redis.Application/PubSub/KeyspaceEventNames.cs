namespace Redis.Application.PubSub;

/// <summary>The event names Redis 7.0.15 publishes for the commands this server has, each encoded once.</summary>
public static class KeyspaceEventNames
{
    public static readonly byte[] Set = "set"u8.ToArray();
    public static readonly byte[] Expire = "expire"u8.ToArray();
    public static readonly byte[] Del = "del"u8.ToArray();
    public static readonly byte[] Persist = "persist"u8.ToArray();
    public static readonly byte[] RenameFrom = "rename_from"u8.ToArray();
    public static readonly byte[] RenameTo = "rename_to"u8.ToArray();
    public static readonly byte[] IncrBy = "incrby"u8.ToArray();
    public static readonly byte[] IncrByFloat = "incrbyfloat"u8.ToArray();
    public static readonly byte[] Append = "append"u8.ToArray();
    public static readonly byte[] SetRange = "setrange"u8.ToArray();
    public static readonly byte[] MoveFrom = "move_from"u8.ToArray();
    public static readonly byte[] MoveTo = "move_to"u8.ToArray();
    public static readonly byte[] New = "new"u8.ToArray();
    public static readonly byte[] Expired = "expired"u8.ToArray();
    public static readonly byte[] KeyMiss = "keymiss"u8.ToArray();
    public static readonly byte[] SAdd = "sadd"u8.ToArray();
    public static readonly byte[] SRem = "srem"u8.ToArray();
    public static readonly byte[] SPop = "spop"u8.ToArray();
    public static readonly byte[] SInterStore = "sinterstore"u8.ToArray();
    public static readonly byte[] SUnionStore = "sunionstore"u8.ToArray();
    public static readonly byte[] SDiffStore = "sdiffstore"u8.ToArray();
}
