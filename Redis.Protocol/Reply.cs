using System.Globalization;
using System.Text;

namespace Redis.Protocol;

/// <summary>A wire-neutral reply: what a command answers, before any protocol turns it into bytes.</summary>
/// <remarks>
/// A value type, so answering a command allocates nothing beyond the payload it carries. A bulk reply wraps the
/// stored bytes without copying them; simple strings and errors keep their text already encoded, so the common
/// cached replies cost one copy into the output buffer. Only <c>ReplyWriter</c> in Infrastructure knows the wire format.
/// </remarks>
public readonly struct Reply : IEquatable<Reply>
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly Reply[]? _items;
    private readonly long _integer;

    private Reply(ReplyKind kind, ReadOnlyMemory<byte> bytes = default, Reply[]? items = null, long integer = 0, bool closesConnection = false)
    {
        Kind = kind;
        _bytes = bytes;
        _items = items;
        _integer = integer;
        ClosesConnection = closesConnection;
    }

    public static Reply Ok { get; } = Simple("OK");

    public static Reply Pong { get; } = Simple("PONG");

    public static Reply Nil { get; } = new(ReplyKind.Null);

    public static Reply Zero { get; } = Integer(0);

    public static Reply One { get; } = Integer(1);

    public static Reply EmptyArray { get; } = Array([]);

    /// <summary>The null array, Redis's <c>shared.nullarray</c>: <c>EXEC</c>'s answer when a watched key changed.</summary>
    public static Reply NullArray { get; } = new(ReplyKind.NullArray);

    /// <summary><c>+QUEUED</c>, what a command sent inside <c>MULTI</c> answers.</summary>
    public static Reply Queued { get; } = Simple("QUEUED");

    /// <summary><c>+OK</c>, after which the connection is closed (what <c>QUIT</c> answers).</summary>
    public static Reply OkThenClose { get; } = new(ReplyKind.SimpleString, "OK"u8.ToArray(), closesConnection: true);

    public ReplyKind Kind { get; }

    /// <summary>True when the server closes the connection once this reply is sent.</summary>
    public bool ClosesConnection { get; }

    public bool IsError => Kind == ReplyKind.Error;

    /// <summary>The encoded text of a simple string or error, or the bytes of a bulk string.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.Span;

    public long IntegerValue => _integer;

    public IReadOnlyList<Reply> Items => _items ?? [];

    public static Reply Simple(string text) => new(ReplyKind.SimpleString, Encoding.UTF8.GetBytes(text));

    /// <summary>An error reply; <paramref name="message"/> starts with its code, for example <c>ERR syntax error</c>.</summary>
    public static Reply Error(string message) => new(ReplyKind.Error, Encoding.UTF8.GetBytes(message));

    public static Reply Integer(long value) => new(ReplyKind.Integer, integer: value);

    /// <summary>A bulk string over <paramref name="value"/>, which is not copied.</summary>
    public static Reply Bulk(ReadOnlyMemory<byte> value) => new(ReplyKind.BulkString, value);

    /// <inheritdoc cref="Bulk(ReadOnlyMemory{byte})"/>
    public static Reply Bulk(byte[] value) => Bulk(value.AsMemory());

    public static Reply Bulk(string value) => Bulk(Encoding.UTF8.GetBytes(value));

    public static Reply Array(Reply[] items) => new(ReplyKind.Array, items: items);

    /// <summary>A map, its pairs given flat (<c>key1, value1, key2, value2</c>), as RESP2 sends it.</summary>
    public static Reply Map(Reply[] flatPairs)
    {
        if (flatPairs.Length % 2 != 0)
        {
            throw new ArgumentException("A map holds key-value pairs: an even number of items.", nameof(flatPairs));
        }

        return new(ReplyKind.Map, items: flatPairs);
    }

    public static Reply Set(Reply[] items) => new(ReplyKind.Set, items: items);

    /// <summary>Out-of-band data (a pub/sub message, an invalidation): RESP3's push type.</summary>
    public static Reply Push(Reply[] items) => new(ReplyKind.Push, items: items);

    /// <summary>Several pushes written one after another (see <see cref="ReplyKind.Pushes"/>); each item is a push.</summary>
    public static Reply Pushes(Reply[] pushes) => new(ReplyKind.Pushes, items: pushes);

    /// <summary>A double as Redis's <c>addReplyDouble</c> formats it: <c>%.17g</c>, or <c>inf</c>/<c>-inf</c>.</summary>
    public static Reply Double(double value) => new(ReplyKind.Double, Encoding.ASCII.GetBytes(RedisDouble.Format(value)));

    public static Reply Boolean(bool value) => new(ReplyKind.Boolean, integer: value ? 1 : 0);

    /// <summary>A big number: <paramref name="digits"/> is its decimal text, an optional minus sign and digits.</summary>
    public static Reply BigNumber(string digits) => new(ReplyKind.BigNumber, Encoding.ASCII.GetBytes(digits));

    /// <summary>
    /// Verbatim text, what <c>INFO</c> and <c>CLIENT LIST</c> answer: RESP3 tags it with <paramref name="format"/>
    /// (<c>txt</c> or <c>mkd</c>), RESP2 sends the text alone as a bulk string.
    /// </summary>
    public static Reply Verbatim(string text, string format = "txt")
    {
        if (format.Length != 3)
        {
            throw new ArgumentException("A verbatim format is three characters, such as txt.", nameof(format));
        }

        return new(ReplyKind.Verbatim, Encoding.UTF8.GetBytes(format + ":" + text));
    }

    /// <summary>Bytes already encoded for the wire, sent unchanged (see <see cref="ReplyKind.Raw"/>).</summary>
    public static Reply Raw(ReadOnlyMemory<byte> wire) => new(ReplyKind.Raw, wire);

    /// <summary>
    /// A double, big number or verbatim reply whose text came off the wire: kept as sent, so a client prints what
    /// the server wrote (<see cref="ReplyReader"/> checked it first).
    /// </summary>
    internal static Reply FromWireText(ReplyKind kind, byte[] text) => new(kind, text);

    /// <summary>True for the kinds that hold items: arrays, maps (flat), sets and pushes.</summary>
    public bool IsAggregate => Kind is ReplyKind.Array or ReplyKind.Map or ReplyKind.Set or ReplyKind.Push or ReplyKind.Pushes;

    /// <summary>
    /// True for a push or pushes: out-of-band data that Redis sends even under <c>CLIENT REPLY OFF</c> or <c>SKIP</c>
    /// (its <c>CLIENT_PUSHING</c> flag).
    /// </summary>
    public bool IsPush => Kind is ReplyKind.Push or ReplyKind.Pushes;

    /// <summary>The text of a verbatim reply without its format tag; the bytes of any other reply.</summary>
    public ReadOnlySpan<byte> Text => Kind == ReplyKind.Verbatim ? Bytes[4..] : Bytes;

    public bool Equals(Reply other) =>
        Kind == other.Kind && _integer == other._integer && ClosesConnection == other.ClosesConnection &&
        (IsAggregate
            ? Items.SequenceEqual(other.Items)
            : Bytes.SequenceEqual(other.Bytes));

    public override bool Equals(object? obj) => obj is Reply other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _integer);

    public static bool operator ==(Reply left, Reply right) => left.Equals(right);

    public static bool operator !=(Reply left, Reply right) => !left.Equals(right);

    /// <summary>
    /// A one-line, wire-like form for test failures and logs: <c>+OK</c>, <c>-ERR ...</c>, <c>:1</c>, <c>"value"</c>
    /// (quoted as <see cref="Repr.Quote"/> does), <c>(nil)</c>, <c>[a, b]</c>.
    /// </summary>
    /// <remarks>How redis-cli prints a reply is the client's business (its <c>ReplyRenderer</c>), not the model's.</remarks>
    public override string ToString() => Kind switch
    {
        ReplyKind.SimpleString => "+" + Encoding.UTF8.GetString(Bytes),
        ReplyKind.Error => "-" + Encoding.UTF8.GetString(Bytes),
        ReplyKind.Integer => ":" + _integer.ToString(CultureInfo.InvariantCulture),
        ReplyKind.BulkString => Repr.Quote(Bytes),
        ReplyKind.Null => "(nil)",
        ReplyKind.NullArray => "(nil array)",
        ReplyKind.Double => "(double) " + Encoding.ASCII.GetString(Bytes),
        ReplyKind.Boolean => _integer != 0 ? "(true)" : "(false)",
        ReplyKind.BigNumber => "(big number) " + Encoding.ASCII.GetString(Bytes),
        ReplyKind.Verbatim => Repr.Quote(Text),
        ReplyKind.Map => "{" + string.Join(", ", Items.Chunk(2).Select(p => p[0] + " => " + p[1])) + "}",
        ReplyKind.Set => "~[" + string.Join(", ", Items) + "]",
        ReplyKind.Push => ">[" + string.Join(", ", Items) + "]",
        ReplyKind.Pushes => string.Join(" ", Items),
        ReplyKind.Raw => "(raw) " + Repr.Quote(Bytes),
        _ => "[" + string.Join(", ", Items) + "]",
    };
}
