using System.Buffers.Binary;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Builds a listpack (Redis's <c>listpack.c</c>) for the RDB: a 6-byte header (total bytes, element count), the
/// entries, and the end byte 0xFF. Each entry is an encoding with its data, then its own length backwards
/// (<c>lpEncodeBacklen</c>). Canonical integers take the integer encodings, as <c>lpEncodeGetType</c> chooses them.
/// </summary>
internal sealed class ListpackBuilder
{
    private const int HeaderSize = 6;

    private byte[] _bytes = new byte[256];
    private int _length = HeaderSize;

    /// <summary>Elements added since <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes the listpack would take now, end byte included.</summary>
    public int Size => _length + 1;

    public void Clear()
    {
        _length = HeaderSize;
        Count = 0;
    }

    public void Add(ReadOnlySpan<byte> element)
    {
        Ensure(element.Length + 16);
        var start = _length;
        if (element.Length <= 20 && RdbIntegers.TryParseCanonical(element, out var value))
        {
            WriteInteger(value);
        }
        else
        {
            WriteStringHeader(element.Length);
            element.CopyTo(_bytes.AsSpan(_length));
            _length += element.Length;
        }

        WriteBacklen(_length - start);
        Count++;
    }

    /// <summary>The listpack of the elements added; valid until the next change.</summary>
    public ReadOnlySpan<byte> Build()
    {
        Ensure(1);
        _bytes[_length] = 0xFF;
        BinaryPrimitives.WriteUInt32LittleEndian(_bytes, (uint)(_length + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(4), (ushort)Math.Min(Count, ushort.MaxValue));
        return _bytes.AsSpan(0, _length + 1);
    }

    private void WriteInteger(long value)
    {
        var span = _bytes.AsSpan(_length);
        if (value is >= 0 and <= 127)
        {
            span[0] = (byte)value;
            _length += 1;
        }
        else if (value is >= -4096 and <= 4095)
        {
            var bits = (int)(value < 0 ? (1 << 13) + value : value);
            span[0] = (byte)(0xC0 | (bits >> 8));
            span[1] = (byte)bits;
            _length += 2;
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            span[0] = 0xF1;
            BinaryPrimitives.WriteInt16LittleEndian(span[1..], (short)value);
            _length += 3;
        }
        else if (value is >= -(1 << 23) and < 1 << 23)
        {
            var bits = (uint)(value < 0 ? (1 << 24) + value : value);
            span[0] = 0xF2;
            (span[1], span[2], span[3]) = ((byte)bits, (byte)(bits >> 8), (byte)(bits >> 16));
            _length += 4;
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            span[0] = 0xF3;
            BinaryPrimitives.WriteInt32LittleEndian(span[1..], (int)value);
            _length += 5;
        }
        else
        {
            span[0] = 0xF4;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
            _length += 9;
        }
    }

    private void WriteStringHeader(int length)
    {
        var span = _bytes.AsSpan(_length);
        if (length < 64)
        {
            span[0] = (byte)(0x80 | length);
            _length += 1;
        }
        else if (length < 4096)
        {
            span[0] = (byte)(0xE0 | (length >> 8));
            span[1] = (byte)length;
            _length += 2;
        }
        else
        {
            span[0] = 0xF0;
            BinaryPrimitives.WriteInt32LittleEndian(span[1..], length);
            _length += 5;
        }
    }

    // lpEncodeBacklen: the entry's length in 7-bit groups, most significant first, every byte but the first flagged.
    private void WriteBacklen(int length)
    {
        var span = _bytes.AsSpan(_length);
        if (length <= 127)
        {
            span[0] = (byte)length;
            _length += 1;
        }
        else if (length < 16383)
        {
            span[0] = (byte)(length >> 7);
            span[1] = (byte)((length & 127) | 128);
            _length += 2;
        }
        else if (length < 2097151)
        {
            span[0] = (byte)(length >> 14);
            span[1] = (byte)(((length >> 7) & 127) | 128);
            span[2] = (byte)((length & 127) | 128);
            _length += 3;
        }
        else if (length < 268435455)
        {
            span[0] = (byte)(length >> 21);
            span[1] = (byte)(((length >> 14) & 127) | 128);
            span[2] = (byte)(((length >> 7) & 127) | 128);
            span[3] = (byte)((length & 127) | 128);
            _length += 4;
        }
        else
        {
            span[0] = (byte)(length >> 28);
            span[1] = (byte)(((length >> 21) & 127) | 128);
            span[2] = (byte)(((length >> 14) & 127) | 128);
            span[3] = (byte)(((length >> 7) & 127) | 128);
            span[4] = (byte)((length & 127) | 128);
            _length += 5;
        }
    }

    private void Ensure(int more)
    {
        if (_length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
        }
    }
}
