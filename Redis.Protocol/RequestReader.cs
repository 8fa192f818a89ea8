using System.Buffers;

namespace Redis.Protocol;

/// <summary>Frames requests out of a connection's receive buffer: RESP2 arrays of bulk strings, and inline text lines.</summary>
/// <remarks>
/// <para>
/// One reader per connection. <see cref="TryRead"/> answers complete (<see cref="OperationStatus.Done"/>),
/// incomplete (<see cref="OperationStatus.NeedMoreData"/>, not an error) or malformed
/// (<see cref="OperationStatus.InvalidData"/>, with <see cref="ProtocolError"/> set; the connection must then be closed).
/// </para>
/// <para>
/// Progress through a partial request is kept between calls, relative to the request's first byte, as Redis keeps
/// <c>multibulklen</c> and <c>bulklen</c>: a 100 MB value arriving in many reads is scanned once, and the caller may move
/// the unconsumed bytes to the front of its buffer (or into a larger one) between calls.
/// </para>
/// <para>
/// RESP arguments are slices of the caller's buffer, never copies. Inline arguments, which quotes and escapes can
/// change, are decoded into a scratch buffer of the reader.
/// </para>
/// </remarks>
public sealed class RequestReader(ProtocolLimits limits)
{
    private const string UnbalancedQuotes = "unbalanced quotes in request";

    private const int InitialSlices = 16;
    private const int InitialScratch = 256;

    private ArgSlice[] _slices = new ArgSlice[InitialSlices];
    private byte[] _scratch = new byte[InitialScratch];

    // Progress through the current request, relative to its first byte.
    private Mode _mode;
    private int _position;
    private int _scanFrom;
    private int _argsExpected = -1;
    private int _argCount;
    private long _bulkLength = -1;

    public ProtocolLimits Limits => limits;

    /// <summary>The text of the last protocol error, for <c>-ERR Protocol error: ...</c>.</summary>
    public string? ProtocolError { get; private set; }

    /// <summary>
    /// While the value of a bulk argument of at least <paramref name="minLength"/> bytes is arriving, the bytes it (and
    /// its CRLF) still lacks when <paramref name="buffered"/> bytes of the request are in the buffer; otherwise 0.
    /// </summary>
    /// <remarks>Redis's <c>readQueryFromClient</c> reads exactly that much for a big argument (<c>PROTO_MBULK_BIG_ARG</c>).</remarks>
    public long MissingBulkBytes(int buffered, long minLength) =>
        _mode == Mode.Multibulk && _bulkLength >= minLength ? Math.Max(0, _bulkLength + 2 - (buffered - _position)) : 0;

    /// <summary>Forgets any partial request, for a new connection.</summary>
    public void Reset()
    {
        ResetProgress();
        ProtocolError = null;

        // One reader serves every client in turn: give back what one huge request made it grow to.
        if (_slices.Length > InitialSlices * 64)
        {
            _slices = new ArgSlice[InitialSlices];
        }

        if (_scratch.Length > InitialScratch * 256)
        {
            _scratch = new byte[InitialScratch];
        }
    }

    /// <summary>Parses the next request from <paramref name="buffer"/>[<paramref name="start"/>..+<paramref name="count"/>].</summary>
    /// <param name="args">On <see cref="OperationStatus.Done"/>, the request; valid until the next call.</param>
    /// <param name="consumed">
    /// Bytes the caller may discard: the request on <c>Done</c>; on <c>NeedMoreData</c>, only empty requests skipped
    /// before the partial one (which stays in the buffer, to be offered again with more bytes after it).
    /// </param>
    public OperationStatus TryRead(byte[] buffer, int start, int count, out CommandArgs args, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            var frame = new ReadOnlySpan<byte>(buffer, start + consumed, count - consumed);
            if (_mode == Mode.None)
            {
                if (frame.IsEmpty)
                {
                    args = default;
                    return OperationStatus.NeedMoreData;
                }

                // The first byte decides, as in Redis's processInputBuffer.
                _mode = frame[0] == (byte)'*' ? Mode.Multibulk : Mode.Inline;
            }

            switch (_mode == Mode.Multibulk ? ReadMultibulk(frame) : ReadInline(frame))
            {
                case Step.Command:
                    // Multibulk slices are relative to the request's first byte; inline ones index the scratch buffer.
                    args = _mode == Mode.Multibulk
                        ? Complete(buffer, start + consumed, out var length)
                        : Complete(_scratch, 0, out length);
                    consumed += length;
                    return OperationStatus.Done;
                case Step.Empty:
                    consumed += _position;
                    ResetProgress();
                    continue;
                case Step.NeedMore:
                    args = default;
                    return OperationStatus.NeedMoreData;
                default:
                    args = default;
                    return OperationStatus.InvalidData;
            }
        }
    }

    private CommandArgs Complete(byte[] source, int offset, out int length)
    {
        if (offset != 0)
        {
            for (var i = 0; i < _argCount; i++)
            {
                _slices[i] = _slices[i] with { Offset = _slices[i].Offset + offset };
            }
        }

        var args = new CommandArgs(source, _slices, _argCount);
        length = _position;
        ResetProgress();
        return args;
    }

    private void ResetProgress()
    {
        _mode = Mode.None;
        _position = 0;
        _scanFrom = 0;
        _argsExpected = -1;
        _argCount = 0;
        _bulkLength = -1;
    }

    // Mirrors Redis's processMultibulkBuffer.
    private Step ReadMultibulk(ReadOnlySpan<byte> frame)
    {
        if (_argsExpected < 0)
        {
            if (!TryReadHeaderLine(frame, "too big mbulk count string", out var line, out var step))
            {
                return step;
            }

            if (!RedisInteger.TryParse(line[1..], out var count) || count > limits.MaxArguments)
            {
                return Fail("invalid multibulk length");
            }

            if (count <= 0)
            {
                // "*0" and "*-1" are empty requests: skipped without a reply, as Redis does.
                return Step.Empty;
            }

            _argsExpected = (int)count;
        }

        while (_argCount < _argsExpected)
        {
            if (_bulkLength < 0)
            {
                if (!TryReadHeaderLine(frame, "too big bulk count string", out var line, out var step))
                {
                    return step;
                }

                // An empty line means the byte found was the CR itself.
                var first = line.IsEmpty ? (byte)'\r' : line[0];
                if (first != (byte)'$')
                {
                    // Redis's text is "expected '$', got '%c'", with CR and LF shown as spaces like any error text.
                    return Fail($"expected '$', got '{(first is (byte)'\r' or (byte)'\n' ? ' ' : (char)first)}'");
                }

                if (!RedisInteger.TryParse(line[1..], out var length) || length < 0 || length > limits.MaxBulkLength)
                {
                    return Fail("invalid bulk length");
                }

                _bulkLength = length;
            }

            // The value and its CRLF; like Redis, the two bytes after the value are skipped, not checked.
            if (frame.Length - _position < _bulkLength + 2)
            {
                return Step.NeedMore;
            }

            AddArg(_position, (int)_bulkLength);
            _position += (int)_bulkLength + 2;
            _scanFrom = _position;
            _bulkLength = -1;
        }

        return Step.Command;
    }

    // Reads the "*N" or "$N" line at _position; resumes its CR search where the last call stopped.
    private bool TryReadHeaderLine(ReadOnlySpan<byte> frame, string tooBig, out ReadOnlySpan<byte> line, out Step step)
    {
        line = default;
        var searched = Math.Max(_scanFrom, _position);
        var cr = frame[searched..].IndexOf((byte)'\r');
        if (cr < 0)
        {
            _scanFrom = frame.Length;
            step = frame.Length - _position > ProtocolLimits.MaxHeaderLength ? Fail(tooBig) : Step.NeedMore;
            return false;
        }

        cr += searched;
        if (cr - _position > ProtocolLimits.MaxHeaderLength)
        {
            step = Fail(tooBig);
            return false;
        }

        // The LF after the CR must be here too before the line counts.
        if (cr + 1 >= frame.Length)
        {
            _scanFrom = cr;
            step = Step.NeedMore;
            return false;
        }

        line = frame[_position..cr];
        _position = cr + 2;
        _scanFrom = _position;
        step = default;
        return true;
    }

    // Mirrors Redis's processInlineBuffer and sdssplitargs.
    private Step ReadInline(ReadOnlySpan<byte> frame)
    {
        var newline = frame[_scanFrom..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            _scanFrom = frame.Length;
            var pending = frame.Length > 0 && frame[^1] == (byte)'\r' ? frame.Length - 1 : frame.Length;
            return pending > limits.MaxInlineLength ? Fail("too big inline request") : Step.NeedMore;
        }

        newline += _scanFrom;
        var line = frame[..newline];
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Length > limits.MaxInlineLength)
        {
            return Fail("too big inline request");
        }

        _position = newline + 1;
        return SplitArgs(line);
    }

    /// <summary>Splits a line into words as redis-cli and Redis's <c>sdssplitargs</c> do, decoding into the scratch buffer.</summary>
    private Step SplitArgs(ReadOnlySpan<byte> line)
    {
        if (_scratch.Length < line.Length)
        {
            _scratch = new byte[Math.Max(line.Length, _scratch.Length * 2)];
        }

        var written = 0;
        var p = 0;
        while (true)
        {
            while (p < line.Length && IsSpace(line[p]))
            {
                p++;
            }

            // A NUL ends the words, as it ends the C string in Redis's sdssplitargs.
            if (p >= line.Length || line[p] == 0)
            {
                return _argCount == 0 ? Step.Empty : Step.Command;
            }

            var argStart = written;
            bool inDouble = false, inSingle = false, done = false;
            while (!done)
            {
                var c = p < line.Length ? line[p] : (byte)0;
                var next = p + 1 < line.Length ? line[p + 1] : (byte)0;
                if (inDouble)
                {
                    if (c == '\\' && next == 'x' && p + 3 < line.Length && IsHex(line[p + 2]) && IsHex(line[p + 3]))
                    {
                        _scratch[written++] = (byte)((HexValue(line[p + 2]) << 4) | HexValue(line[p + 3]));
                        p += 3;
                    }
                    else if (c == '\\' && next != 0)
                    {
                        p++;
                        _scratch[written++] = next switch
                        {
                            (byte)'n' => (byte)'\n',
                            (byte)'r' => (byte)'\r',
                            (byte)'t' => (byte)'\t',
                            (byte)'b' => (byte)'\b',
                            (byte)'a' => (byte)'\a',
                            _ => next,
                        };
                    }
                    else if (c == '"')
                    {
                        // The closing quote must be followed by a space or the end of the line.
                        if (next != 0 && !IsSpace(next))
                        {
                            return Fail(UnbalancedQuotes);
                        }

                        done = true;
                    }
                    else if (c == 0)
                    {
                        return Fail(UnbalancedQuotes);
                    }
                    else
                    {
                        _scratch[written++] = c;
                    }
                }
                else if (inSingle)
                {
                    if (c == '\\' && next == '\'')
                    {
                        p++;
                        _scratch[written++] = (byte)'\'';
                    }
                    else if (c == '\'')
                    {
                        if (next != 0 && !IsSpace(next))
                        {
                            return Fail(UnbalancedQuotes);
                        }

                        done = true;
                    }
                    else if (c == 0)
                    {
                        return Fail(UnbalancedQuotes);
                    }
                    else
                    {
                        _scratch[written++] = c;
                    }
                }
                else
                {
                    switch (c)
                    {
                        case (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0:
                            done = true;
                            break;
                        case (byte)'"':
                            inDouble = true;
                            break;
                        case (byte)'\'':
                            inSingle = true;
                            break;
                        default:
                            _scratch[written++] = c;
                            break;
                    }
                }

                if (p < line.Length && c != 0)
                {
                    p++;
                }
            }

            if (_argCount >= limits.MaxArguments)
            {
                return Fail("too many arguments in inline request");
            }

            AddArg(argStart, written - argStart);
        }
    }

    private void AddArg(int offset, int length)
    {
        if (_argCount == _slices.Length)
        {
            // Grows with the arguments that actually arrive, never with the count a header announces.
            Array.Resize(ref _slices, _slices.Length * 2);
        }

        _slices[_argCount++] = new ArgSlice(offset, length);
    }

    private Step Fail(string error)
    {
        ProtocolError = error;
        return Step.Invalid;
    }

    // C's isspace.
    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private enum Mode
    {
        None,
        Multibulk,
        Inline,
    }

    private enum Step
    {
        Command,
        Empty,
        NeedMore,
        Invalid,
    }
}
