namespace Redis.Application.Replication;

/// <summary>
/// Redis's replication backlog: the last <see cref="Capacity"/> bytes of the replication stream, so a replica that lost
/// its link for a moment asks for what it missed (<c>PSYNC replid offset</c>) instead of a whole new copy.
/// </summary>
/// <remarks>
/// A ring over one array. Offsets are the stream's, as Redis numbers them: the first byte ever fed after the backlog was
/// created is <see cref="FirstByteOffset"/> when nothing has been overwritten yet; the last is the master's
/// <c>master_repl_offset</c>. Redis 7.0 shares the replicas' output buffers with its backlog; here each replica's
/// connection keeps its own copy of what it still has to send, and the backlog holds only the history.
/// </remarks>
public sealed class ReplicationBacklog
{
    private byte[] _buffer;
    private int _next;

    /// <summary>A backlog whose first byte will be the stream's byte <paramref name="nextOffset"/>.</summary>
    public ReplicationBacklog(long capacity, long nextOffset)
    {
        _buffer = new byte[Math.Clamp(capacity, 16 * 1024, Array.MaxLength)];
        FirstByteOffset = nextOffset;
    }

    /// <summary>How many bytes it holds at most (<c>repl-backlog-size</c>).</summary>
    public long Capacity => _buffer.Length;

    /// <summary>The stream offset of the oldest byte held (<c>repl_backlog_first_byte_offset</c>).</summary>
    public long FirstByteOffset { get; private set; }

    /// <summary>How many bytes it holds (<c>repl_backlog_histlen</c>).</summary>
    public long HistoryLength { get; private set; }

    /// <summary>Appends the next bytes of the stream, forgetting the oldest ones past <see cref="Capacity"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= _buffer.Length)
        {
            var skipped = bytes.Length - _buffer.Length;
            FirstByteOffset += HistoryLength + skipped;
            bytes[skipped..].CopyTo(_buffer);
            (_next, HistoryLength) = (0, _buffer.Length);
            return;
        }

        var first = Math.Min(bytes.Length, _buffer.Length - _next);
        bytes[..first].CopyTo(_buffer.AsSpan(_next));
        bytes[first..].CopyTo(_buffer);
        _next = (_next + bytes.Length) % _buffer.Length;
        HistoryLength += bytes.Length;
        if (HistoryLength > _buffer.Length)
        {
            FirstByteOffset += HistoryLength - _buffer.Length;
            HistoryLength = _buffer.Length;
        }
    }

    /// <summary>
    /// Redis's <c>addReplyReplicationBacklog</c>: the bytes from stream offset <paramref name="offset"/> to the end, when
    /// the backlog still holds them all (Redis's <c>masterTryPartialResynchronization</c> range check).
    /// </summary>
    public bool TryCopyFrom(long offset, out byte[] bytes)
    {
        var end = FirstByteOffset + HistoryLength;
        if (offset < FirstByteOffset || offset > end)
        {
            bytes = [];
            return false;
        }

        var length = (int)(end - offset);
        bytes = new byte[length];
        var start = (int)(((_next - length) % _buffer.Length + _buffer.Length) % _buffer.Length);
        var first = Math.Min(length, _buffer.Length - start);
        _buffer.AsSpan(start, first).CopyTo(bytes);
        _buffer.AsSpan(0, length - first).CopyTo(bytes.AsSpan(first));
        return true;
    }

    /// <summary><c>CONFIG SET repl-backlog-size</c>: a new, empty ring continuing at the same offset (Redis's <c>resizeReplicationBacklog</c> keeps the history; this one drops it).</summary>
    public void Resize(long capacity)
    {
        var next = FirstByteOffset + HistoryLength;
        _buffer = new byte[Math.Clamp(capacity, 16 * 1024, Array.MaxLength)];
        (_next, HistoryLength, FirstByteOffset) = (0, 0, next);
    }
}
