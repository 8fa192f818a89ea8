using System.Buffers;
using System.Text;

namespace Redis.Protocol;

/// <summary>Parses RESP2 and RESP3 replies into <see cref="Reply"/> values.</summary>
/// <remarks>
/// <para>
/// RESP2's simple strings, errors, integers, bulk strings, nulls and nested arrays, and RESP3's null (<c>_</c>),
/// boolean (<c>#</c>), double (<c>,</c>), big number (<c>(</c>), verbatim string (<c>=</c>), blob error (<c>!</c>,
/// read as an error), map (<c>%</c>), set (<c>~</c>) and push (<c>&gt;</c>). An attribute (<c>|</c>) is read and
/// dropped: it annotates the reply that follows it, which is returned alone. A double and a big number keep the text
/// the server sent, after the checks hiredis makes, so a client prints exactly that.
/// </para>
/// <para>
/// The client's half of the protocol, beside the server's <see cref="ReplyWriter"/>. One reader per connection.
/// <see cref="TryRead"/> answers complete (<see cref="OperationStatus.Done"/>), incomplete
/// (<see cref="OperationStatus.NeedMoreData"/>, not an error) or malformed (<see cref="OperationStatus.InvalidData"/>,
/// with <see cref="ProtocolError"/> set; the connection cannot be trusted after that and must be closed).
/// </para>
/// <para>
/// Progress is kept between calls, as hiredis keeps its read tasks: the arrays still being filled, and the length
/// of a bulk string whose body has not fully arrived. Whatever has been absorbed into that state is reported as
/// consumed even when the reply is not complete, so the caller's buffer only ever holds the one element being read:
/// a 100 MB value is scanned once, and an array of a million small elements never sits whole in the buffer.
/// </para>
/// </remarks>
public sealed class ReplyReader
{
    private const string InvalidBulkLength = "invalid bulk length";
    private const string InvalidArrayLength = "invalid multibulk length";

    private readonly List<OpenArray> _open = [];
    private long _bulkLength = -1;
    private byte _bulkType;
    private int _lineScanned;

    /// <summary>Largest bulk string accepted (Redis's own <c>proto-max-bulk-len</c> default, 512 MiB): a corrupt header cannot make the client allocate gigabytes.</summary>
    public long MaxBulkLength { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Longest simple-string, error or integer line searched for its end (1 MiB): a peer that is not a Redis server
    /// cannot make the client buffer without bound while it looks for a CRLF.
    /// </summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>Longest double accepted, hiredis's buffer for one (326 characters): the longest <c>%.17f</c> of a finite double.</summary>
    private const int MaxDoubleLength = 326;

    /// <summary>Deepest nesting of arrays (hiredis allows 9): a hostile peer cannot make the state grow without bound.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>The text of the last protocol error.</summary>
    public string? ProtocolError { get; private set; }

    /// <summary>Forgets any partial reply, for a new connection.</summary>
    public void Reset()
    {
        _open.Clear();
        _bulkLength = -1;
        _bulkType = 0;
        _lineScanned = 0;
        ProtocolError = null;
    }

    /// <summary>Parses the next reply, or as much of it as <paramref name="buffer"/> holds.</summary>
    /// <param name="buffer">The unconsumed bytes received so far: what the last call left, then what arrived since.</param>
    /// <param name="reply">On <see cref="OperationStatus.Done"/>, the reply; it owns its bytes (no slice of the buffer).</param>
    /// <param name="consumed">
    /// Bytes the caller must discard before the next call: the rest of the reply on <c>Done</c>; on
    /// <c>NeedMoreData</c>, the headers and whole elements already absorbed into the reader's state.
    /// </param>
    public OperationStatus TryRead(ReadOnlySpan<byte> buffer, out Reply reply, out int consumed)
    {
        consumed = 0;
        reply = default;
        while (true)
        {
            var rest = buffer[consumed..];
            Reply element;
            if (_bulkLength >= 0)
            {
                // The body and its CRLF; the length came from a header already consumed.
                var length = (int)_bulkLength;
                if (rest.Length < length + 2)
                {
                    return OperationStatus.NeedMoreData;
                }

                if (rest[length] != (byte)'\r' || rest[length + 1] != (byte)'\n')
                {
                    return Fail("bulk string not terminated by CRLF");
                }

                var body = rest[..length];
                if (_bulkType == (byte)'=' && (length < 4 || body[3] != (byte)':'))
                {
                    return Fail("bad verbatim string format");
                }

                element = _bulkType switch
                {
                    (byte)'=' => Reply.FromWireText(ReplyKind.Verbatim, body.ToArray()),
                    (byte)'!' => Reply.Error(Encoding.UTF8.GetString(body)),
                    _ => Reply.Bulk(body.ToArray()),
                };
                consumed += length + 2;
                _bulkLength = -1;
            }
            else
            {
                var step = ReadLine(rest, out var type, out var line, out var lineLength);
                if (step != OperationStatus.Done)
                {
                    return step;
                }

                consumed += lineLength;
                switch (type)
                {
                    case (byte)'+':
                        element = Reply.Simple(Encoding.UTF8.GetString(line));
                        break;
                    case (byte)'-':
                        element = Reply.Error(Encoding.UTF8.GetString(line));
                        break;
                    case (byte)':':
                        if (!RedisInteger.TryParse(line, out var integer))
                        {
                            return Fail("invalid integer reply");
                        }

                        element = Reply.Integer(integer);
                        break;
                    case (byte)'_':
                        if (!line.IsEmpty)
                        {
                            return Fail("bad nil value");
                        }

                        element = Reply.Nil;
                        break;
                    case (byte)'#':
                        if (line.Length != 1 || line[0] is not ((byte)'t' or (byte)'T' or (byte)'f' or (byte)'F'))
                        {
                            return Fail("bad bool value");
                        }

                        element = Reply.Boolean(line[0] is (byte)'t' or (byte)'T');
                        break;
                    case (byte)',':
                        if (!IsDouble(line, out var doubleError))
                        {
                            return Fail(doubleError);
                        }

                        element = Reply.FromWireText(ReplyKind.Double, line.ToArray());
                        break;
                    case (byte)'(':
                        if (!IsBigNumber(line))
                        {
                            return Fail("bad bignum value");
                        }

                        element = Reply.FromWireText(ReplyKind.BigNumber, line.ToArray());
                        break;
                    case (byte)'$' or (byte)'=' or (byte)'!':
                        if (!RedisInteger.TryParse(line, out var bulkLength) || bulkLength < -1 || bulkLength > MaxBulkLength)
                        {
                            return Fail(InvalidBulkLength);
                        }

                        if (bulkLength == -1)
                        {
                            element = Reply.Nil;
                            break;
                        }

                        _bulkLength = bulkLength;
                        _bulkType = type;
                        continue;
                    case (byte)'*' or (byte)'%' or (byte)'~' or (byte)'>' or (byte)'|':
                        if (!RedisInteger.TryParse(line, out var count) || count < -1 || count > Array.MaxLength / 2)
                        {
                            return Fail(InvalidArrayLength);
                        }

                        if (count == -1)
                        {
                            // A null array (*-1) is a nil, as redis-cli shows it.
                            element = Reply.Nil;
                            break;
                        }

                        var kind = KindOf(type);
                        var attribute = type == (byte)'|';
                        var items = kind == ReplyKind.Map ? (int)count * 2 : (int)count;
                        if (items == 0)
                        {
                            if (attribute)
                            {
                                continue;
                            }

                            element = Aggregate(kind, []);
                            break;
                        }

                        if (_open.Count >= MaxDepth)
                        {
                            return Fail("arrays nested too deeply");
                        }

                        _open.Add(new OpenArray(kind, items, attribute));
                        continue;
                    default:
                        // hiredis's wording, with the byte quoted as redis-cli quotes strings.
                        return Fail($"got {Repr.Quote([type])} as reply type byte");
                }
            }

            if (Complete(element, out reply))
            {
                return OperationStatus.Done;
            }
        }
    }

    private static ReplyKind KindOf(byte type) => type switch
    {
        (byte)'%' or (byte)'|' => ReplyKind.Map,
        (byte)'~' => ReplyKind.Set,
        (byte)'>' => ReplyKind.Push,
        _ => ReplyKind.Array,
    };

    private static Reply Aggregate(ReplyKind kind, Reply[] items) => kind switch
    {
        ReplyKind.Map => Reply.Map(items),
        ReplyKind.Set => Reply.Set(items),
        ReplyKind.Push => Reply.Push(items),
        _ => items.Length == 0 ? Reply.EmptyArray : Reply.Array(items),
    };

    /// <summary>hiredis's checks: <c>inf</c>/<c>-inf</c> in any case, or all of the text a finite number for <c>strtod</c>.</summary>
    private static bool IsDouble(ReadOnlySpan<byte> text, out string error)
    {
        error = "bad double value";
        if (text.Length >= MaxDoubleLength)
        {
            error = "double value is too large";
            return false;
        }

        if (Ascii.EqualsIgnoreCase(text, "inf"u8) || Ascii.EqualsIgnoreCase(text, "-inf"u8))
        {
            return true;
        }

        // strtod skips leading white space and takes a sign, digits, a point and an exponent; hex floats aside, so does this.
        return !text.IsEmpty && !char.IsWhiteSpace((char)text[^1]) &&
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value);
    }

    private static bool IsBigNumber(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!(i == 0 && text[0] == (byte)'-') && !char.IsAsciiDigit((char)text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds an element to the innermost open aggregate, closing every aggregate it completes.</summary>
    /// <returns>True with the whole reply when the outermost aggregate (or a lone element) is complete.</returns>
    /// <remarks>A completed attribute is no element: it is dropped, and the reply it annotates is still to come.</remarks>
    private bool Complete(Reply element, out Reply reply)
    {
        reply = default;
        while (_open.Count > 0)
        {
            var innermost = _open[^1];
            innermost.Items.Add(element);
            if (innermost.Items.Count < innermost.Expected)
            {
                return false;
            }

            _open.RemoveAt(_open.Count - 1);
            if (innermost.IsAttribute)
            {
                return false;
            }

            element = Aggregate(innermost.Kind, [.. innermost.Items]);
        }

        reply = element;
        return true;
    }

    /// <summary>Finds the CRLF-terminated line at the start of <paramref name="rest"/>; resumes the search where the last call stopped.</summary>
    private OperationStatus ReadLine(ReadOnlySpan<byte> rest, out byte type, out ReadOnlySpan<byte> line, out int lineLength)
    {
        type = 0;
        line = default;
        lineLength = 0;
        var newline = rest[_lineScanned..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            _lineScanned = rest.Length;
            return rest.Length > MaxLineLength ? Fail("reply line too long") : OperationStatus.NeedMoreData;
        }

        newline += _lineScanned;
        _lineScanned = 0;
        if (newline < 2 || rest[newline - 1] != (byte)'\r')
        {
            return Fail("reply line not terminated by CRLF");
        }

        type = rest[0];
        line = rest[1..(newline - 1)];
        lineLength = newline + 1;
        return OperationStatus.Done;
    }

    private OperationStatus Fail(string error)
    {
        ProtocolError = "Protocol error, " + error;
        return OperationStatus.InvalidData;
    }

    private sealed class OpenArray(ReplyKind kind, int expected, bool isAttribute)
    {
        public ReplyKind Kind { get; } = kind;

        /// <summary>An attribute (<c>|</c>): read like a map, then dropped.</summary>
        public bool IsAttribute { get; } = isAttribute;

        public int Expected { get; } = expected;

        // Grows with the elements that arrive, never to the count a header announces.
        public List<Reply> Items { get; } = new(Math.Min(expected, 1024));
    }
}
