using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Bitmap commands and LCS through StackExchange.Redis: SETBIT/GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, LCS.</summary>
public abstract class BitmapCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : BitmapCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : BitmapCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task SetBitGrowsTheStringAndGetBitReadsIt()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.False(await db.StringSetBitAsync("bm:a", 7, true));
        Assert.True(await db.StringSetBitAsync("bm:a", 7, true));
        Assert.False(await db.StringSetBitAsync("bm:a", 23, true));
        Assert.Equal(3, await db.StringLengthAsync("bm:a"));
        Assert.True(await db.StringGetBitAsync("bm:a", 23));
        Assert.False(await db.StringGetBitAsync("bm:a", 22));
        Assert.False(await db.StringGetBitAsync("bm:a", 1000));
        Assert.Equal(new byte[] { 1, 0, 1 }, (byte[]?)await db.StringGetAsync("bm:a"));
    }

    [Fact]
    public async Task BitCountAndBitPositionHonourTheirRanges()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("bm:c", "foobar");

        Assert.Equal(26, await db.StringBitCountAsync("bm:c"));
        Assert.Equal(6, await db.StringBitCountAsync("bm:c", 1, 1));
        Assert.Equal(17, await db.StringBitCountAsync("bm:c", 5, 30, StringIndexType.Bit));

        await db.StringSetAsync("bm:p", new byte[] { 0x00, 0xff, 0xf0 });
        Assert.Equal(8, await db.StringBitPositionAsync("bm:p", true));
        Assert.Equal(0, await db.StringBitPositionAsync("bm:p", false));
        Assert.Equal(16, await db.StringBitPositionAsync("bm:p", true, 2, -1));
        Assert.Equal(20, await db.StringBitPositionAsync("bm:p", false, 9, 23, StringIndexType.Bit));
        Assert.Equal(-1, await db.StringBitPositionAsync("bm:missing", true));
    }

    [Fact]
    public async Task BitOperationStoresTheResultAndDeletesOnEmpty()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("bm:x", new byte[] { 0xff, 0x0f });
        await db.StringSetAsync("bm:y", new byte[] { 0xf0 });

        Assert.Equal(2, await db.StringBitOperationAsync(Bitwise.And, "bm:d", "bm:x", "bm:y"));
        Assert.Equal(new byte[] { 0xf0, 0x00 }, (byte[]?)await db.StringGetAsync("bm:d"));
        Assert.Equal(2, await db.StringBitOperationAsync(Bitwise.Xor, "bm:d", "bm:x", "bm:y"));
        Assert.Equal(new byte[] { 0x0f, 0x0f }, (byte[]?)await db.StringGetAsync("bm:d"));
        Assert.Equal(2, await db.StringBitOperationAsync(Bitwise.Not, "bm:d", "bm:x"));
        Assert.Equal(new byte[] { 0x00, 0xf0 }, (byte[]?)await db.StringGetAsync("bm:d"));

        Assert.Equal(0, await db.StringBitOperationAsync(Bitwise.Or, "bm:d", "bm:none1", "bm:none2"));
        Assert.False(await db.KeyExistsAsync("bm:d"));
    }

    [Fact]
    public async Task BitFieldAndLcsThroughExecute()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        var fields = (RedisResult[])(await db.ExecuteAsync("BITFIELD", "bm:f", "SET", "u8", "0", "200", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "100", "GET", "i8", "0"))!;
        Assert.Equal(0, (long)fields[0]);
        Assert.True(fields[1].IsNull);
        Assert.Equal(-56, (long)fields[2]);
        var readOnly = (RedisResult[])(await db.ExecuteAsync("BITFIELD_RO", "bm:f", "GET", "u8", "0"))!;
        Assert.Equal(200, (long)readOnly[0]);

        await db.StringSetAsync("bm:l1", "ohmytext");
        await db.StringSetAsync("bm:l2", "mynewtext");
        Assert.Equal("mytext", (string?)await db.ExecuteAsync("LCS", "bm:l1", "bm:l2"));
        Assert.Equal(6, (long)await db.ExecuteAsync("LCS", "bm:l1", "bm:l2", "LEN"));
        Assert.Equal(6, (await db.StringLongestCommonSubsequenceLengthAsync("bm:l1", "bm:l2")));
    }
}
