using System.Buffers;

namespace Redis.Client.Input;

/// <summary>Lines read from a non-terminal input, byte for byte: what <c>printf 'SET a 1\nGET a\n' | Redis.Client</c> sends.</summary>
/// <remarks>
/// No prompt is shown, as linenoise shows none when its input is not a terminal. Lines end at LF; trailing CRs are
/// dropped (linenoise's non-tty path), so files with Windows line endings work. Bytes are never decoded as text, so a
/// value typed as raw binary reaches the server unchanged.
/// </remarks>
internal sealed class StreamLineSource(Stream input) : ILineSource
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _ended;

    public byte[]? ReadLine(string prompt)
    {
        _line.ResetWrittenCount();
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line.Write(pending[..newline]);
                _start += newline + 1;
                return TrimmedLine();
            }

            _line.Write(pending);
            _start = _end = 0;
            if (_ended || (_end = input.Read(_buffer, 0, _buffer.Length)) == 0)
            {
                // The last line may lack its newline; an empty remainder is the end of input.
                _ended = true;
                return _line.WrittenCount > 0 ? TrimmedLine() : null;
            }
        }
    }

    private byte[] TrimmedLine()
    {
        var line = _line.WrittenSpan;
        while (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.ToArray();
    }
}
