using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// The reading side of the RDB encodings over a stream, buffered, with the CRC-64 of every byte consumed: lengths,
/// strings in their integer and LZF encodings, doubles. Input that ends early throws <see cref="RdbFormatException"/>.
/// </summary>
internal sealed class RdbInput(Stream input)
{
    private readonly byte[] _buffer = new byte[1 << 16];

    // The input's length, read once: asking a file for it is a system call, and every string would ask.
    private readonly long _length = input.CanSeek ? input.Length : -1;
    private int _position;
    private int _end;
    private int _checked;
    private ulong _crc;
    private long _consumedBefore;

    /// <summary>The checksum of every byte read so far.</summary>
    public ulong Checksum
    {
        get
        {
            _crc = Crc64.Update(_crc, _buffer.AsSpan(_checked, _position - _checked));
            _checked = _position;
            return _crc;
        }
    }

    public byte ReadByte()
    {
        if (_position == _end)
        {
            Fill();
        }

        return _buffer[_position++];
    }

    public void Read(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _end)
            {
                Fill();
            }

            var chunk = Math.Min(destination.Length, _end - _position);
            _buffer.AsSpan(_position, chunk).CopyTo(destination);
            _position += chunk;
            destination = destination[chunk..];
        }
    }

    public int ReadInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        Read(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    public long ReadInt64()
    {
        Span<byte> bytes = stackalloc byte[8];
        Read(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    public double ReadBinaryDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    /// <summary>A length (<c>rdbLoadLen</c>); a special string encoding here is an error.</summary>
    public ulong ReadLength() => ReadLength(out var encoded) is var length && encoded
        ? throw new RdbFormatException($"Unknown length encoding {length} in rdbLoadLen()")
        : length;

    /// <summary>A length that counts elements, bounded so that a corrupt count cannot ask for more than the input holds.</summary>
    public int ReadCount()
    {
        var count = ReadLength();
        return count > int.MaxValue / 2 ? throw new RdbFormatException(RdbReader.ShortRead) : (int)count;
    }

    /// <summary>A string in any of its encodings (<c>rdbGenericLoadStringObject</c>), as its bytes (an integer as its decimal text).</summary>
    public byte[] ReadString()
    {
        var length = ReadLength(out var encoded);
        if (!encoded)
        {
            return ReadBytes(length);
        }

        switch ((int)length)
        {
            case Rdb.EncodingInt8:
                return RdbIntegers.Format((sbyte)ReadByte());
            case Rdb.EncodingInt16:
                Span<byte> two = stackalloc byte[2];
                Read(two);
                return RdbIntegers.Format(BinaryPrimitives.ReadInt16LittleEndian(two));
            case Rdb.EncodingInt32:
                return RdbIntegers.Format(ReadInt32());
            case Rdb.EncodingLzf:
                // The compressed length, the original length, then the compressed bytes.
                var compressedLength = ReadLength();
                var value = Allocate(ReadLength());
                if (!Lzf.TryDecompress(ReadBytes(compressedLength), value))
                {
                    throw new RdbFormatException("Invalid LZF compressed string");
                }

                return value;
            default:
                throw new RdbFormatException($"Unknown RDB string encoding type {length}");
        }
    }

    /// <summary>A score of the old sorted-set type (<c>rdbLoadDoubleValue</c>): a length byte, 253 to 255 for NaN and the infinities, then the text.</summary>
    public double ReadDoubleText()
    {
        var length = ReadByte();
        switch (length)
        {
            case 253:
                return double.NaN;
            case 254:
                return double.PositiveInfinity;
            case 255:
                return double.NegativeInfinity;
        }

        Span<byte> text = stackalloc byte[length];
        Read(text);
        return double.TryParse(Encoding.ASCII.GetString(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            ? score
            : throw new RdbFormatException("Invalid double value in the RDB file");
    }

    private ulong ReadLength(out bool encoded)
    {
        var first = ReadByte();
        encoded = false;
        switch (first >> 6)
        {
            case Rdb.Len6Bit:
                return (ulong)(first & 0x3F);
            case Rdb.Len14Bit:
                return (ulong)(((first & 0x3F) << 8) | ReadByte());
            case Rdb.EncodingValue:
                encoded = true;
                return (ulong)(first & 0x3F);
        }

        Span<byte> bytes = stackalloc byte[8];
        switch (first)
        {
            case Rdb.Len32Bit:
                Read(bytes[..4]);
                return BinaryPrimitives.ReadUInt32BigEndian(bytes);
            case Rdb.Len64Bit:
                Read(bytes);
                return BinaryPrimitives.ReadUInt64BigEndian(bytes);
            default:
                throw new RdbFormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown length encoding {first} in rdbLoadLen()"));
        }
    }

    private byte[] ReadBytes(ulong length)
    {
        var bytes = Allocate(length);
        Read(bytes);
        return bytes;
    }

    // A length beyond what is left of a file cannot be read: refuse it before allocating it.
    private byte[] Allocate(ulong length)
    {
        var left = _length >= 0 ? _length - _consumedBefore - _position : long.MaxValue;
        if (length > (ulong)Array.MaxLength || (_length >= 0 && (long)length > left + (1L << 20)))
        {
            throw new RdbFormatException(RdbReader.ShortRead);
        }

        return new byte[(int)length];
    }

    private void Fill()
    {
        _crc = Crc64.Update(_crc, _buffer.AsSpan(_checked, _position - _checked));
        _consumedBefore += _end;
        (_position, _end, _checked) = (0, 0, 0);
        int read;
        try
        {
            read = input.Read(_buffer, 0, _buffer.Length);
        }
        catch (IOException e)
        {
            throw new RdbFormatException($"Error reading the RDB file: {e.Message}", e);
        }

        if (read == 0)
        {
            throw new RdbFormatException(RdbReader.ShortRead);
        }

        _end = read;
    }
}
