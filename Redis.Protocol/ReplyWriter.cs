using System.Buffers.Text;

namespace Redis.Protocol;

/// <summary>Encodes replies as RESP2 or RESP3 into one output buffer, so a batch of pipelined replies goes out in one send.</summary>
/// <remarks>
/// <para>
/// One writer per connection; the buffer is allocated by the first reply, grows for large replies and shrinks back once
/// they are sent, and <see cref="Release"/> gives it back while the connection is idle, so an idle connection holds none.
/// </para>
/// <para>
/// <see cref="Protocol"/> is the connection's: RESP2 sends RESP3's kinds as Redis 7 does for a RESP2 client (a map as
/// a flat array, a set or push as an array, a double, big number or verbatim text as a bulk string, a boolean as 1 or 0).
/// </para>
/// </remarks>
public sealed class ReplyWriter
{
    private const int InitialCapacity = 16 * 1024;

    /// <summary>A buffer up to this size is kept between batches, so repeated 100 KB replies do not reallocate it each time.</summary>
    private const int MaxRetainedCapacity = 1024 * 1024;

    private readonly int _firstCapacity;
    private byte[] _buffer = [];

    /// <param name="firstCapacity">
    /// The buffer the first reply allocates; it doubles from there as replies need. 16 KiB by default (Redis's
    /// <c>PROTO_REPLY_CHUNK_BYTES</c>); the event loop, with thousands of mostly quiet connections, starts at 1 KiB
    /// (<c>PROTO_REPLY_MIN_BYTES</c>): Redis's buffers are untouched pages until written, .NET's arrays are zeroed.
    /// </param>
    public ReplyWriter(int firstCapacity = InitialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstCapacity, 1);
        _firstCapacity = firstCapacity;
    }

    /// <summary>Bytes encoded and not yet sent.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    /// <summary>The protocol the next replies are encoded in: the connection's, which <c>HELLO</c> may change.</summary>
    public RespVersion Protocol { get; set; } = RespVersion.Resp2;

    /// <summary>The size of the buffer, written or not: what this writer holds on to.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Forgets the written bytes; gives back a buffer grown for a large reply.</summary>
    public void Clear()
    {
        Length = 0;
        if (_buffer.Length > MaxRetainedCapacity)
        {
            _buffer = new byte[_firstCapacity];
        }
    }

    /// <summary>Gives the buffer back when nothing is written; the next reply allocates a new one (Redis's <c>clientsCronResizeOutputBuffer</c>).</summary>
    public void Release()
    {
        if (Length == 0)
        {
            _buffer = [];
        }
    }

    public void Write(in Reply reply)
    {
        var resp3 = Protocol == RespVersion.Resp3;
        switch (reply.Kind)
        {
            case ReplyKind.SimpleString:
                WriteLine((byte)'+', reply.Bytes);
                break;
            case ReplyKind.Error:
                WriteLine((byte)'-', reply.Bytes);
                break;
            case ReplyKind.Integer:
                WriteNumberLine((byte)':', reply.IntegerValue);
                break;
            case ReplyKind.BulkString:
                WriteBulk((byte)'$', reply.Bytes);
                break;
            case ReplyKind.Null:
                WriteRaw(resp3 ? "_\r\n"u8 : "$-1\r\n"u8);
                break;
            case ReplyKind.NullArray:
                WriteRaw(resp3 ? "_\r\n"u8 : "*-1\r\n"u8);
                break;
            case ReplyKind.Array:
                WriteItems((byte)'*', reply.Items.Count, reply.Items);
                break;
            case ReplyKind.Map:
                WriteItems(resp3 ? (byte)'%' : (byte)'*', resp3 ? reply.Items.Count / 2 : reply.Items.Count, reply.Items);
                break;
            case ReplyKind.Set:
                WriteItems(resp3 ? (byte)'~' : (byte)'*', reply.Items.Count, reply.Items);
                break;
            case ReplyKind.Push:
                WriteItems(resp3 ? (byte)'>' : (byte)'*', reply.Items.Count, reply.Items);
                break;
            case ReplyKind.Pushes:
                foreach (var push in reply.Items)
                {
                    Write(push);
                }

                break;
            case ReplyKind.Double when resp3:
                WriteLine((byte)',', reply.Bytes);
                break;
            case ReplyKind.BigNumber when resp3:
                WriteLine((byte)'(', reply.Bytes);
                break;
            case ReplyKind.Double or ReplyKind.BigNumber:
                WriteBulk((byte)'$', reply.Bytes);
                break;
            case ReplyKind.Boolean when resp3:
                WriteRaw(reply.IntegerValue != 0 ? "#t\r\n"u8 : "#f\r\n"u8);
                break;
            case ReplyKind.Boolean:
                WriteNumberLine((byte)':', reply.IntegerValue);
                break;
            case ReplyKind.Verbatim:
                WriteBulk(resp3 ? (byte)'=' : (byte)'$', resp3 ? reply.Bytes : reply.Text);
                break;
            case ReplyKind.Raw:
                WriteRaw(reply.Bytes);
                break;
            default:
                throw new InvalidOperationException($"Unknown reply kind {reply.Kind}.");
        }
    }

    private void WriteBulk(byte prefix, ReadOnlySpan<byte> bytes)
    {
        WriteNumberLine(prefix, bytes.Length);
        WriteRaw(bytes);
        WriteRaw("\r\n"u8);
    }

    private void WriteItems(byte prefix, int count, IReadOnlyList<Reply> items)
    {
        WriteNumberLine(prefix, count);
        foreach (var item in items)
        {
            Write(item);
        }
    }

    private void WriteLine(byte prefix, ReadOnlySpan<byte> text)
    {
        Reserve(text.Length + 3);
        _buffer[Length++] = prefix;
        WriteRaw(text);
        WriteRaw("\r\n"u8);
    }

    private void WriteNumberLine(byte prefix, long value)
    {
        Reserve(24);
        _buffer[Length++] = prefix;
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var digits);
        Length += digits;
        _buffer[Length++] = (byte)'\r';
        _buffer[Length++] = (byte)'\n';
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - Length >= bytes)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max(Math.Max((long)_buffer.Length * 2, _firstCapacity), (long)Length + bytes));
        Array.Resize(ref _buffer, size);
    }
}
