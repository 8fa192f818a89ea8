using System.Buffers.Text;

namespace Redis.Protocol;

/// <summary>Encodes commands as RESP2 arrays of bulk strings, the request format every Redis server accepts.</summary>
/// <remarks>
/// The client's half of the protocol, beside the server's <see cref="RequestReader"/>. Commands are appended to one
/// buffer, so a pipeline of requests goes out in one send. The buffer grows for a large value and is kept for the
/// next one up to <c>retainedCapacity</c>: a client sending 100 KB values in a loop must not reallocate (on the large
/// object heap) for every request. Inline requests are never written: they cannot carry every byte (a CR or LF).
/// </remarks>
public sealed class RequestWriter(int retainedCapacity = RequestWriter.DefaultRetainedCapacity)
{
    /// <summary>Largest buffer kept between requests (1 MiB); a larger one is given back after use.</summary>
    public const int DefaultRetainedCapacity = 1024 * 1024;

    private const int InitialCapacity = 16 * 1024;

    private byte[] _buffer = new byte[InitialCapacity];

    /// <summary>Bytes encoded and not yet sent.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>The same bytes as memory, valid until the next write or <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public int Length { get; private set; }

    /// <summary>Forgets the written bytes; gives back a buffer grown past the retained capacity.</summary>
    public void Clear()
    {
        Length = 0;
        if (_buffer.Length > retainedCapacity)
        {
            _buffer = new byte[InitialCapacity];
        }
    }

    /// <summary>Appends one command, the name included, as <c>*N</c> and N bulk strings.</summary>
    public void Write(CommandArgs command)
    {
        ArgumentOutOfRangeException.ThrowIfZero(command.Count, nameof(command));
        WriteHeader((byte)'*', command.Count);
        for (var i = 0; i < command.Count; i++)
        {
            WriteBulk(command[i]);
        }
    }

    /// <summary>Appends one command from its words, without copying them first (the benchmark's large values).</summary>
    public void Write(params ReadOnlySpan<ReadOnlyMemory<byte>> words)
    {
        ArgumentOutOfRangeException.ThrowIfZero(words.Length, nameof(words));
        WriteHeader((byte)'*', words.Length);
        foreach (var word in words)
        {
            WriteBulk(word.Span);
        }
    }

    private void WriteBulk(ReadOnlySpan<byte> word)
    {
        WriteHeader((byte)'$', word.Length);
        Reserve(word.Length + 2);
        word.CopyTo(_buffer.AsSpan(Length));
        Length += word.Length;
        _buffer[Length++] = (byte)'\r';
        _buffer[Length++] = (byte)'\n';
    }

    private void WriteHeader(byte prefix, int value)
    {
        Reserve(16);
        _buffer[Length++] = prefix;
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var digits);
        Length += digits;
        _buffer[Length++] = (byte)'\r';
        _buffer[Length++] = (byte)'\n';
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - Length >= bytes)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)Length + bytes));
        Array.Resize(ref _buffer, size);
    }
}
