namespace Redis.Infrastructure.Persistence;

/// <summary>The constants of Redis 7.0's RDB format (<c>rdb.h</c>).</summary>
internal static class Rdb
{
    /// <summary>The version Redis 7.0 writes, and the newest it reads.</summary>
    public const int Version = 10;

    // Value types.
    public const byte TypeString = 0;
    public const byte TypeList = 1;
    public const byte TypeSet = 2;
    public const byte TypeZSet = 3;
    public const byte TypeHash = 4;
    public const byte TypeZSet2 = 5;
    public const byte TypeModule = 6;
    public const byte TypeModule2 = 7;
    public const byte TypeHashZipmap = 9;
    public const byte TypeListZiplist = 10;
    public const byte TypeSetIntset = 11;
    public const byte TypeZSetZiplist = 12;
    public const byte TypeHashZiplist = 13;
    public const byte TypeListQuicklist = 14;
    public const byte TypeStreamListpacks = 15;
    public const byte TypeHashListpack = 16;
    public const byte TypeZSetListpack = 17;
    public const byte TypeListQuicklist2 = 18;
    public const byte TypeStreamListpacks2 = 19;

    // Opcodes.
    public const byte OpFunction2 = 245;
    public const byte OpFunction = 246;
    public const byte OpModuleAux = 247;
    public const byte OpIdle = 248;
    public const byte OpFreq = 249;
    public const byte OpAux = 250;
    public const byte OpResizeDb = 251;
    public const byte OpExpireTimeMs = 252;
    public const byte OpExpireTime = 253;
    public const byte OpSelectDb = 254;
    public const byte OpEof = 255;

    // Length encodings: the top two bits of the first byte.
    public const int Len6Bit = 0;
    public const int Len14Bit = 1;
    public const byte Len32Bit = 0x80;
    public const byte Len64Bit = 0x81;
    public const int EncodingValue = 3;

    // Special string encodings (EncodingValue).
    public const int EncodingInt8 = 0;
    public const int EncodingInt16 = 1;
    public const int EncodingInt32 = 2;
    public const int EncodingLzf = 3;

    // Quicklist 2 node containers.
    public const int QuicklistPlain = 1;
    public const int QuicklistPacked = 2;

    /// <summary>Redis's <c>list-max-listpack-size -2</c>: a quicklist node's listpack holds at most 8 KB.</summary>
    public const int QuicklistNodeBytes = 8192;
}
