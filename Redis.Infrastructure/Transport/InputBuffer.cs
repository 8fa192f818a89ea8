namespace Redis.Infrastructure.Transport;

/// <summary>How a connection's receive buffer grows for a large request and shrinks back once it is gone; shared by both transports.</summary>
internal static class InputBuffer
{
    /// <summary>A new connection's buffer: Redis's <c>PROTO_IOBUF_LEN</c>.</summary>
    public const int InitialSize = 16 * 1024;

    /// <summary>A buffer up to this size is kept, so repeated large requests do not regrow it.</summary>
    public const int MaxRetainedSize = 1024 * 1024;

    /// <summary>Doubles <paramref name="input"/>, up to what an unfinished request may hold (the limit and one byte).</summary>
    public static void Grow(ref byte[] input, long queryBufferLimit)
    {
        var size = (int)Math.Min(Math.Min(Math.Max((long)input.Length * 2, InitialSize), queryBufferLimit + 1), Array.MaxLength);
        if (size > input.Length)
        {
            Array.Resize(ref input, size);
        }
    }

    /// <summary>
    /// How many bytes the next receive may take: up to <paramref name="want"/>, what the buffer has free (grown first
    /// when full), and never more than one byte past the limit of an unfinished request: that byte either completes it
    /// or proves it too long, so the limit holds even when it is below the buffer's size.
    /// </summary>
    /// <returns>The room; 0 or less when the unfinished request has reached the limit.</returns>
    public static int ReceiveRoom(ref byte[] input, int start, int end, long queryBufferLimit, long want = int.MaxValue)
    {
        if (end == input.Length)
        {
            Grow(ref input, queryBufferLimit);
        }

        return (int)Math.Min(Math.Min(input.Length - end, want), queryBufferLimit + 1 - (end - start));
    }

    /// <summary>Moves the unparsed tail to the front, and gives back a buffer grown for a large request once it is gone.</summary>
    public static (int Start, int End) Compact(ref byte[] input, int start, int end)
    {
        var pending = end - start;
        if (input.Length > MaxRetainedSize && pending <= InitialSize / 2)
        {
            var smaller = new byte[InitialSize];
            input.AsSpan(start, pending).CopyTo(smaller);
            input = smaller;
            return (0, pending);
        }

        if (start == 0)
        {
            return (start, end);
        }

        input.AsSpan(start, pending).CopyTo(input);
        return (0, pending);
    }
}
