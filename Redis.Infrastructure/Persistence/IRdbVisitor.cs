using Redis.Domain.Keys;

namespace Redis.Infrastructure.Persistence;

/// <summary>What <see cref="RdbReader"/> reports as it reads a file, in file order.</summary>
public interface IRdbVisitor
{
    /// <summary>An auxiliary field (<c>redis-ver</c>, <c>ctime</c>, ...).</summary>
    void OnAux(string name, ReadOnlySpan<byte> value);

    /// <summary>The keys that follow belong to database <paramref name="index"/>.</summary>
    void OnDatabase(int index);

    /// <summary>The sizes the writer announced for the current database.</summary>
    void OnResizeDatabase(long keys, long expires);

    /// <summary>A string key; <paramref name="expiresAtMs"/> is Unix milliseconds, -1 for none.</summary>
    void OnString(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAtMs);

    /// <summary>A collection key, built in the encoding the load limits give it.</summary>
    void OnValue(ReadOnlySpan<byte> key, TypedValue value, long expiresAtMs);

    /// <summary>
    /// The idle time in seconds (<c>IDLE</c>) or LFU counter (<c>FREQ</c>) the file gave the key just reported, -1 for
    /// the one it did not give; only called when it gave one.
    /// </summary>
    void OnAccess(ReadOnlySpan<byte> key, long idleSeconds, long frequency)
    {
    }
}

/// <summary>The encoding thresholds loaded collections are built with (the <c>*-max-listpack-*</c> and <c>set-max-intset-entries</c> settings).</summary>
public sealed record RdbLoadLimits(
    long HashMaxListpackEntries,
    long HashMaxListpackValue,
    long SetMaxIntsetEntries,
    long ZsetMaxListpackEntries,
    long ZsetMaxListpackValue)
{
    /// <summary>Redis 7.0's defaults.</summary>
    public static RdbLoadLimits Default { get; } = new(512, 64, 512, 128, 64);
}

/// <summary>How <see cref="RdbWriter"/> writes: <c>rdbcompression</c> and <c>rdbchecksum</c>.</summary>
public sealed record RdbWriterOptions(bool Compression = true, bool Checksum = true);
