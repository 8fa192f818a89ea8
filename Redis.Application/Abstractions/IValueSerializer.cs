using Redis.Domain.Keys;

namespace Redis.Application.Abstractions;

/// <summary>
/// <c>DUMP</c>'s payload, Redis's format: the value as an RDB file holds it, the RDB version (2 bytes, little endian)
/// and the CRC-64 of both (8 bytes). A port: Infrastructure owns the RDB codec.
/// </summary>
public interface IValueSerializer
{
    /// <summary>The payload of a collection, or of the string <paramref name="text"/> when <paramref name="value"/> is null.</summary>
    byte[] Dump(TypedValue? value, ReadOnlySpan<byte> text);

    /// <summary>Reads a payload back: a collection in <paramref name="value"/>, or a string in <paramref name="text"/>.</summary>
    RestoreOutcome TryRestore(ReadOnlySpan<byte> payload, out TypedValue? value, out byte[]? text);
}

/// <summary>What <see cref="IValueSerializer.TryRestore"/> found.</summary>
public enum RestoreOutcome
{
    Restored,

    /// <summary>Too short, a newer RDB version, or a checksum that does not match (Redis's <c>verifyDumpPayload</c>).</summary>
    VersionOrChecksumWrong,

    /// <summary>The checksum holds but the value cannot be read.</summary>
    BadData,
}
