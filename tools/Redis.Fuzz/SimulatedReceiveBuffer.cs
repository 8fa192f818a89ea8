using System.Runtime.InteropServices;

namespace Redis.Fuzz;

/// <summary>
/// The receive buffer the reader's checks feed it through (the fuzz oracle, and the framing tests that compile this
/// file too): bytes past the received data are CR LF filler, and the unread tail is moved into a fresh array, so a
/// reader that read past its input or remembered absolute positions would be caught.
/// </summary>
internal static class SimulatedReceiveBuffer
{
    /// <summary>A buffer of <paramref name="size"/> bytes, all CR LF filler.</summary>
    public static byte[] New(int size)
    {
        var buffer = new byte[size];
        MemoryMarshal.Cast<byte, ushort>(buffer.AsSpan()).Fill(BitConverter.IsLittleEndian ? (ushort)0x0A0D : (ushort)0x0D0A);
        if ((size & 1) == 1)
        {
            buffer[^1] = (byte)'\r';
        }

        return buffer;
    }

    /// <summary>Appends <paramref name="chunk"/> after the unread bytes, as one receive would, first moving them into a buffer twice the size needed when the room is short.</summary>
    public static (byte[] Buffer, int Start, int End) Receive(byte[] buffer, int start, int end, ReadOnlySpan<byte> chunk)
    {
        if (buffer.Length - end < chunk.Length)
        {
            (buffer, start, end) = Relocate(buffer, start, end, Math.Max(buffer.Length * 2, (end - start + chunk.Length) * 2));
        }

        chunk.CopyTo(buffer.AsSpan(end));
        return (buffer, start, end + chunk.Length);
    }

    /// <summary>Moves the unread bytes [<paramref name="start"/>, <paramref name="end"/>) to the front of a fresh buffer of at least <paramref name="size"/> bytes.</summary>
    public static (byte[] Buffer, int Start, int End) Relocate(byte[] buffer, int start, int end, int size)
    {
        var pending = end - start;
        var fresh = New(Math.Max(size, pending));
        buffer.AsSpan(start, pending).CopyTo(fresh);
        return (fresh, 0, pending);
    }
}
