using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// <c>DUMP</c>/<c>RESTORE</c> payloads as Redis's <c>createDumpPayload</c> and <c>verifyDumpPayload</c> make and
/// check them: the RDB object, the RDB version (10) in 2 little-endian bytes, the CRC-64 of all that in 8.
/// Restored collections take the encodings the current settings give them.
/// </summary>
public sealed class DumpPayload(IOptions<RedisServerOptions> options) : IValueSerializer
{
    private const int FooterSize = 10;

    private readonly RedisServerOptions _options = options.Value;

    public byte[] Dump(TypedValue? value, ReadOnlySpan<byte> text)
    {
        var stream = new MemoryStream();
        var writer = new RdbWriter(stream, new RdbWriterOptions(Compression: _options.RdbCompression, Checksum: true));
        writer.WriteObject(value, text);
        writer.Flush();
        Span<byte> footer = stackalloc byte[FooterSize];
        BinaryPrimitives.WriteUInt16LittleEndian(footer, Rdb.Version);
        var body = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        var crc = Crc64.Update(Crc64.Compute(body), footer[..2]);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[2..], crc);
        stream.Write(footer);
        return stream.ToArray();
    }

    public RestoreOutcome TryRestore(ReadOnlySpan<byte> payload, out TypedValue? value, out byte[]? text)
    {
        (value, text) = (null, null);
        if (payload.Length < FooterSize)
        {
            return RestoreOutcome.VersionOrChecksumWrong;
        }

        var footer = payload[^FooterSize..];
        var version = BinaryPrimitives.ReadUInt16LittleEndian(footer);
        var crc = BinaryPrimitives.ReadUInt64LittleEndian(footer[2..]);
        if (version > Rdb.Version || Crc64.Compute(payload[..^8]) != crc)
        {
            return RestoreOutcome.VersionOrChecksumWrong;
        }

        var body = payload[..^FooterSize].ToArray();
        try
        {
            var reader = new RdbInput(new MemoryStream(body));
            var type = reader.ReadByte();
            if (type == Rdb.TypeString)
            {
                text = reader.ReadString();
            }
            else
            {
                value = RdbReader.ReadObject(reader, type, new RdbLoadLimits(
                    _options.HashMaxListpackEntries, _options.HashMaxListpackValue, _options.SetMaxIntsetEntries,
                    _options.ZsetMaxListpackEntries, _options.ZsetMaxListpackValue));
                if (value.Count == 0)
                {
                    return RestoreOutcome.BadData;
                }
            }
        }
        catch (RdbFormatException)
        {
            return RestoreOutcome.BadData;
        }

        return RestoreOutcome.Restored;
    }
}
