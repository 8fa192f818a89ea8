namespace Redis.Protocol;

/// <summary>The bounds the request reader enforces; every one exists to stop a client from making the server misbehave.</summary>
public sealed record ProtocolLimits
{
    /// <summary>
    /// Longest <c>*</c> or <c>$</c> header line searched for its CR (Redis's <c>PROTO_INLINE_MAX_SIZE</c>, 64 KiB):
    /// stops a client from streaming digits forever without ever finishing a header.
    /// </summary>
    public const int MaxHeaderLength = 64 * 1024;

    /// <summary>Largest bulk string (<c>proto-max-bulk-len</c>, default 512 MiB): bounds the memory one argument can claim.</summary>
    /// <remarks>Settable: <c>CONFIG SET proto-max-bulk-len</c> changes it for every connection's reader, which share one instance.</remarks>
    public long MaxBulkLength { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Longest inline (plain-text) request, excluding its line ending. Default 1 MiB, above Redis's 64 KiB, because
    /// plain-text clients send 100 KiB values on one line; bounds the bytes searched for a newline.
    /// </summary>
    public int MaxInlineLength { get; init; } = 1024 * 1024;

    /// <summary>Most words in one request (Redis allows up to <c>INT_MAX</c>): bounds the argument table a header can ask for.</summary>
    public int MaxArguments { get; init; } = 1024 * 1024;
}
