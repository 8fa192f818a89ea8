using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Domain.Hashes;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>DUMP's payload: Redis's layout, and RESTORE's two refusals (version or checksum, then the data).</summary>
public class DumpPayloadTests
{
    private readonly DumpPayload _payload = new(Options.Create(new RedisServerOptions()));

    [Fact]
    public void AStringPayloadIsRedisBytes()
    {
        // DUMP of "hello" from redis-server 7.0.15.
        Assert.Equal(Convert.FromHexString("000568656C6C6F0A006372DF766534200A"), _payload.Dump(null, "hello"u8));
    }

    [Fact]
    public void ACollectionRoundTrips()
    {
        var hash = new HashValue();
        hash.Set("f"u8, "v"u8.ToArray(), HashLimits.Default);

        Assert.Equal(RestoreOutcome.Restored, _payload.TryRestore(_payload.Dump(hash, default), out var value, out var text));

        Assert.Null(text);
        Assert.True(Assert.IsType<HashValue>(value).TryGetValue("f"u8, out var field));
        Assert.Equal("v"u8.ToArray(), field);
    }

    [Fact]
    public void RefusesAWrongChecksumANewerVersionAndAShortPayload()
    {
        var payload = _payload.Dump(null, "hello"u8);
        var flipped = payload.ToArray();
        flipped[2] ^= 1;
        var newer = payload.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(newer.AsSpan(newer.Length - 10), 11);

        Assert.Equal(RestoreOutcome.VersionOrChecksumWrong, _payload.TryRestore(flipped, out _, out _));
        Assert.Equal(RestoreOutcome.VersionOrChecksumWrong, _payload.TryRestore(newer, out _, out _));
        Assert.Equal(RestoreOutcome.VersionOrChecksumWrong, _payload.TryRestore(payload.AsSpan(0, 9), out _, out _));
    }

    [Fact]
    public void ACorrectChecksumOverDataThatDoesNotParseIsBadData()
    {
        byte[] body = [Rdb.TypeHash, 0x05, 0x01];
        var payload = new byte[body.Length + 10];
        body.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(body.Length), 10);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(body.Length + 2), Crc64.Compute(payload.AsSpan(0, body.Length + 2)));

        Assert.Equal(RestoreOutcome.BadData, _payload.TryRestore(payload, out _, out _));
    }
}
