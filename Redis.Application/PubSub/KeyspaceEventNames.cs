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
    public static readonly byte[] CopyTo = "copy_to"u8.ToArray();
    public static readonly byte[] Restore = "restore"u8.ToArray();
    public static readonly byte[] New = "new"u8.ToArray();
    public static readonly byte[] Expired = "expired"u8.ToArray();

    /// <summary>A key removed by the <c>maxmemory-policy</c> (class <c>e</c>).</summary>
    public static readonly byte[] Evicted = "evicted"u8.ToArray();
    public static readonly byte[] KeyMiss = "keymiss"u8.ToArray();

    // Sorted sets.
    public static readonly byte[] ZAdd = "zadd"u8.ToArray();
    public static readonly byte[] ZIncr = "zincr"u8.ToArray();
    public static readonly byte[] ZRem = "zrem"u8.ToArray();
    public static readonly byte[] ZRemRangeByRank = "zremrangebyrank"u8.ToArray();
    public static readonly byte[] ZRemRangeByScore = "zremrangebyscore"u8.ToArray();
    public static readonly byte[] ZRemRangeByLex = "zremrangebylex"u8.ToArray();
    public static readonly byte[] ZPopMin = "zpopmin"u8.ToArray();
    public static readonly byte[] ZPopMax = "zpopmax"u8.ToArray();
    public static readonly byte[] ZUnionStore = "zunionstore"u8.ToArray();
    public static readonly byte[] ZInterStore = "zinterstore"u8.ToArray();
    public static readonly byte[] ZDiffStore = "zdiffstore"u8.ToArray();
    public static readonly byte[] ZRangeStore = "zrangestore"u8.ToArray();
    public static readonly byte[] SortStore = "sortstore"u8.ToArray();
    public static readonly byte[] HSet = "hset"u8.ToArray();
    public static readonly byte[] HDel = "hdel"u8.ToArray();
    public static readonly byte[] HIncrBy = "hincrby"u8.ToArray();
    public static readonly byte[] HIncrByFloat = "hincrbyfloat"u8.ToArray();
    public static readonly byte[] SetBit = "setbit"u8.ToArray();
    public static readonly byte[] SAdd = "sadd"u8.ToArray();
    public static readonly byte[] SRem = "srem"u8.ToArray();
    public static readonly byte[] SPop = "spop"u8.ToArray();
    public static readonly byte[] SInterStore = "sinterstore"u8.ToArray();
    public static readonly byte[] SUnionStore = "sunionstore"u8.ToArray();
    public static readonly byte[] SDiffStore = "sdiffstore"u8.ToArray();
    public static readonly byte[] LPush = "lpush"u8.ToArray();
    public static readonly byte[] RPush = "rpush"u8.ToArray();
    public static readonly byte[] LPop = "lpop"u8.ToArray();
    public static readonly byte[] RPop = "rpop"u8.ToArray();
    public static readonly byte[] LSet = "lset"u8.ToArray();
    public static readonly byte[] LInsert = "linsert"u8.ToArray();
    public static readonly byte[] LRem = "lrem"u8.ToArray();
    public static readonly byte[] LTrim = "ltrim"u8.ToArray();
}
