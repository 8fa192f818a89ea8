using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Redis.Testing.Soak;

/// <summary>How long and how a soak runs.</summary>
/// <param name="Operations">Commands to send.</param>
/// <param name="Seed">Seeds every random choice: the same seed against the same server sends the same bytes.</param>
/// <param name="Keys">Size of the key pool; small, so that commands keep meeting each other's keys.</param>
/// <param name="MaxPipeline">Most commands sent in one write before the replies are read.</param>
/// <param name="MismatchesReported">Mismatches described in full; all are counted.</param>
public sealed record SoakOptions(long Operations = 30_000, int Seed = 1, int Keys = 40, int MaxPipeline = 32, int MismatchesReported = 10);

/// <summary>What a soak did: commands sent, write batches, reconnections, and every reply that differed from the model.</summary>
public sealed record SoakResult(long Operations, long Batches, long Reconnects, long Mismatches, TimeSpan Elapsed, IReadOnlyList<string> Reports)
{
    public double OperationsPerSecond => Operations / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Operations} ops in {Batches} batches ({Reconnects} reconnects), {Elapsed.TotalSeconds:F1} s, {OperationsPerSecond:F0} ops/s, {Mismatches} mismatches");
}

/// <summary>
/// Model-based soak: random string, keyspace and expiry commands against a live server over a socket, each reply
/// compared byte for byte with <see cref="KeyspaceModel"/>, and the server's fake clock moved randomly between batches.
/// </summary>
/// <remarks>
/// <para>
/// Commands go out in pipelined batches of 1 to <see cref="SoakOptions.MaxPipeline"/>, each one as RESP or, one time in
/// ten, as an inline line with every word quoted, so the framing of both formats is exercised with arbitrary bytes.
/// Values are mostly short, one in 200 up to 200 KB. The clock moves only between batches, while no command is in flight.
/// </para>
/// <para>
/// After a mismatch the batch is finished, both sides are emptied (FLUSHALL) and the soak goes on, so one bug is not
/// counted a thousand times. The server must be used by nobody else meanwhile.
/// </para>
/// </remarks>
public sealed partial class SoakDriver(IPEndPoint endPoint, FakeTimeProvider clock, SoakOptions options)
{
    /// <summary>A batch stops taking commands once its requests reach this many bytes.</summary>
    private const int MaxBatchBytes = 32 * 1024;

    /// <summary>Requests up to this size are written before the replies are read; the kernel's socket buffers hold them.</summary>
    private const int SendInlineUpTo = 16 * 1024;

    private static readonly byte[][] AwkwardKeys =
        [.. new[] { "with space", "quo\"te", "line\r\nbreak", "\0nul\u00ff", "", "*star", "$dollar", "'single'" }.Select(Encoding.Latin1.GetBytes)];

    private static readonly string[] NotCanonicalIntegers = ["007", "+5", "-0", " 1", "1 ", "1.5", "", "9223372036854775808", "-9223372036854775809", "0x10"];

    private readonly Random _random = new(options.Seed);
    private readonly KeyspaceModel _model = new();
    private readonly List<string> _reports = [];

    /// <summary>Runs the soak; <paramref name="progress"/>, if given, is called about every 100,000 operations.</summary>
    public SoakResult Run(Action<SoakResult>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        long operations = 0, batches = 0, reconnects = 0, mismatches = 0, nextProgress = 100_000;
        var client = new WireClient(endPoint);
        try
        {
            Expect(client, ["FLUSHALL"], RespText.Ok);
            var batch = new List<Operation>();
            while (operations < options.Operations)
            {
                batch.Clear();
                var size = _random.Next(2) == 0 ? 1 : _random.Next(2, options.MaxPipeline + 1);
                var bytes = 0;
                var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                while (batch.Count < size && operations + batch.Count < options.Operations && bytes < MaxBatchBytes)
                {
                    var operation = Next(now);
                    batch.Add(operation);
                    bytes += operation.Request.Length;
                }

                // A large batch is written from another thread while its replies are read, so neither side can wait on
                // the other's full socket buffer (a big SET behind an MGET of big values).
                var request = batch.SelectMany(o => o.Request).ToArray();
                var sending = request.Length > SendInlineUpTo ? Task.Run(() => client.Send(request)) : null;
                if (sending is null)
                {
                    client.Send(request);
                }

                var mismatched = false;
                for (var i = 0; i < batch.Count; i++)
                {
                    var operation = batch[i];
                    var reply = client.ReadReply();
                    if (!operation.Expected.Matches(reply))
                    {
                        mismatched = true;
                        mismatches++;
                        if (_reports.Count < options.MismatchesReported)
                        {
                            _reports.Add(string.Create(
                                CultureInfo.InvariantCulture,
                                $"op {operations + i + 1} (batch {batches + 1} of {batch.Count}, clock {clock.GetUtcNow():O}): " +
                                $"{operation.Text}\n  expected {Show(operation.Expected.Bytes)}\n  actual   {Show(reply)}"));
                        }
                    }
                }

                sending?.GetAwaiter().GetResult();
                operations += batch.Count;
                batches++;
                if (mismatched)
                {
                    Expect(client, ["FLUSHALL"], RespText.Ok);
                    _model.Clear();
                }

                AdvanceClock();
                if (_random.Next(3000) == 0)
                {
                    // A new connection: the server must finish with the old one and accept the next, keeping the data.
                    client.Dispose();
                    client = new WireClient(endPoint);
                    reconnects++;
                }

                if (progress is not null && operations >= nextProgress)
                {
                    progress(Result());
                    nextProgress += 100_000;
                }
            }
        }
        finally
        {
            client.Dispose();
        }

        return Result();

        SoakResult Result() => new(operations, batches, reconnects, mismatches, watch.Elapsed, _reports);
    }

    private static void Expect(WireClient client, string[] command, byte[] expected)
    {
        client.SendCommand(command);
        var reply = client.ReadReply();
        if (!reply.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} answered {Show(reply)}");
        }
    }

    /// <summary>
    /// Mostly no time at all between batches, often milliseconds, sometimes seconds, so TTLs of 1 ms to 6 s run out; and
    /// often exactly onto a key's expiry instant, one millisecond either side of it, or where TTL's rounding turns.
    /// </summary>
    private void AdvanceClock()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_random.Next(100) < 15)
        {
            var instants = _model.ExpiryInstants();
            if (instants.Count > 0)
            {
                var target = instants[_random.Next(instants.Count)] + _random.GetItems(new long[] { 0, 0, 1, -1, -499, -500, -501 }, 1)[0];
                if (target > now)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(target - now));
                    return;
                }
            }
        }

        var milliseconds = _random.Next(100) switch
        {
            < 60 => 0,
            < 85 => _random.Next(1, 50),
            < 98 => _random.Next(50, 2000),
            _ => _random.Next(2000, 60_000),
        };
        clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
    }

    /// <summary>Picks a command, applies it to the model, and returns its request bytes with the reply expected.</summary>
    private Operation Next(long now)
    {
        var command = _random.Next(100) switch
        {
            < 45 => StringCommand(now),
            < 57 => HashCommand(now),
            < 69 => ListCommand(now),
            < 80 => SetCommand(now),
            < 91 => SortedSetCommand(now),
            < 96 => BitmapCommand(now),
            _ => KeyspaceCommand(now),
        };

        var inline = _random.Next(10) == 0;
        return new Operation(inline ? Inline(command.Words) : Resp.Command(command.Words), command.Expected, Describe(command.Words, inline));
    }

    /// <summary>A string, keyspace or expiry command, on any key: one holding a collection answers WRONGTYPE where Redis does.</summary>
    private (byte[][] Words, ExpectedReply Expected) StringCommand(long now)
    {
        var key = Key();
        var name = Name(key);
        (byte[][] Words, ExpectedReply Expected) command;
        switch (_random.Next(100))
        {
            case < 20:
                command = Set(key, now);
                break;
            case < 33:
                command = (W("GET", key), _model.Get(name, now));
                break;
            case < 38:
                var deleted = Keys(2);
                command = (W("DEL", [key, .. deleted]), _model.Del([name, .. deleted.Select(Name)], now));
                break;
            case < 42:
                var probed = Keys(2);
                command = (W("EXISTS", [key, .. probed]), _model.Exists([name, .. probed.Select(Name)], now));
                break;
            case < 49:
                command = Expire(key, "EXPIRE", _random.Next(-1, 7) * 1000L, now);
                break;
            case < 55:
                command = Expire(key, "PEXPIRE", _random.Next(-50, 4000), now);
                break;
            case < 61:
                command = (W("TTL", key), _model.Ttl(name, milliseconds: false, now));
                break;
            case < 67:
                command = (W("PTTL", key), _model.Ttl(name, milliseconds: true, now));
                break;
            case < 70:
                command = (W("PERSIST", key), _model.Persist(name, now));
                break;
            case < 74:
                command = (W("INCR", key), _model.IncrBy(name, 1, now));
                break;
            case < 76:
                command = (W("DECR", key), _model.IncrBy(name, -1, now));
                break;
            case < 79:
                command = Increment(key, "INCRBY", now);
                break;
            case < 81:
                command = Increment(key, "DECRBY", now);
                break;
            case < 85:
                var suffix = Value(small: true);
                command = (W("APPEND", key, suffix), _model.Append(name, suffix, now));
                break;
            case < 87:
                command = (W("STRLEN", key), _model.Strlen(name, now));
                break;
            case < 90:
                command = MSet(key);
                break;
            case < 94:
                var fetched = Keys(3);
                command = (W("MGET", [key, .. fetched]), _model.MGet([name, .. fetched.Select(Name)], now));
                break;
            case < 96:
                command = (W("GETDEL", key), _model.GetDel(name, now));
                break;
            case < 99:
                var value = Value(small: false);
                command = (W("SETNX", key, value), _model.SetNx(name, value, now));
                break;
            default:
                command = (W("PING"), "+PONG\r\n"u8.ToArray());
                break;
        }

        return command;
    }

    private (byte[][], ExpectedReply) Set(byte[] key, long now)
    {
        var value = Value(small: false);
        var words = new List<byte[]> { B("SET"), key, value };
        long? expire = null;
        var keepTtl = false;
        switch (_random.Next(100))
        {
            case < 40:
                break;
            case < 65:
                var seconds = _random.Next(1, 6);
                words.AddRange([B("EX"), B(seconds)]);
                expire = seconds * 1000L;
                break;
            case < 90:
                var milliseconds = _random.Next(1, 3000);
                words.AddRange([B("PX"), B(milliseconds)]);
                expire = milliseconds;
                break;
            case < 95:
                words.Add(B("KEEPTTL"));
                keepTtl = true;
                break;
            default:
                // Not a valid expiry: EX 0, EX -1 or PX -5 are refused and change nothing.
                var (unit, amount) = _random.GetItems([("EX", 0), ("EX", -1), ("PX", -5), ("PX", 0)], 1)[0];
                words.AddRange([B(unit), B(amount)]);
                expire = Math.Min(0, amount);
                break;
        }

        var condition = _random.Next(10) switch { 0 => SetCondition.IfMissing, 1 => SetCondition.IfExists, _ => SetCondition.Always };
        var get = condition == SetCondition.Always && _random.Next(10) == 0;
        if (condition != SetCondition.Always)
        {
            words.Add(B(condition == SetCondition.IfMissing ? "NX" : "XX"));
        }

        if (get)
        {
            words.Add(B("GET"));
        }

        return ([.. words], _model.Set(Name(key), value, new SetOptions(expire, keepTtl, condition, get), now));
    }

    private (byte[][], ExpectedReply) Expire(byte[] key, string command, long milliseconds, long now)
    {
        var amount = command == "EXPIRE" ? milliseconds / 1000 : milliseconds;
        var condition = _random.Next(10) switch
        {
            0 => ExpireCondition.IfNone,
            1 => ExpireCondition.IfAny,
            2 => ExpireCondition.IfGreater,
            3 => ExpireCondition.IfLess,
            _ => ExpireCondition.Always,
        };
        var words = new List<byte[]> { B(command), key, B(amount) };
        if (condition != ExpireCondition.Always)
        {
            words.Add(B(condition switch
            {
                ExpireCondition.IfNone => "NX",
                ExpireCondition.IfAny => "XX",
                ExpireCondition.IfGreater => "GT",
                _ => "LT",
            }));
        }

        return ([.. words], _model.Expire(Name(key), milliseconds, condition, now));
    }

    private (byte[][], ExpectedReply) Increment(byte[] key, string command, long now)
    {
        // Mostly small steps; sometimes huge ones, to reach the overflow checks. Never long.MinValue (DECRBY refuses it).
        var amount = _random.Next(4) == 0 ? _random.NextInt64(long.MinValue + 1, long.MaxValue) : _random.Next(-100, 101);
        var delta = command == "INCRBY" ? amount : -amount;
        return (W(command, key, B(amount)), _model.IncrBy(Name(key), delta, now));
    }

    private (byte[][], ExpectedReply) MSet(byte[] key)
    {
        var pairs = new List<(byte[] Key, byte[] Value)> { (key, Value(small: true)) };
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            pairs.Add((Key(), Value(small: true)));
        }

        return (W("MSET", [.. pairs.SelectMany(p => new[] { p.Key, p.Value })]), _model.MSet(pairs.Select(p => (Name(p.Key), p.Value))));
    }

    /// <summary>Mostly a string key; one time in four a key of a collection family, one in twenty an awkward one.</summary>
    private byte[] Key() => _random.Next(20) switch
    {
        0 => AwkwardKeys[_random.Next(AwkwardKeys.Length)],
        < 6 => FamilyKey(Families[_random.Next(Families.Length)]),
        _ => B("key:" + _random.Next(options.Keys).ToString(CultureInfo.InvariantCulture)),
    };

    private byte[][] Keys(int most) => [.. Enumerable.Range(0, _random.Next(0, most + 1)).Select(_ => Key())];

    private byte[] Value(bool small)
    {
        var roll = _random.Next(1000);
        if (roll < 400)
        {
            return RandomBytes(_random.Next(1, 17), printable: true);
        }

        if (roll < 600)
        {
            // Integers, for INCR and friends, some at the edges of 64 bits.
            var value = _random.Next(3) == 0 ? _random.NextInt64(long.MinValue, long.MaxValue) : _random.Next(-1000, 1000);
            if (_random.Next(10) == 0)
            {
                value = _random.Next(2) == 0 ? long.MaxValue - _random.Next(3) : long.MinValue + _random.Next(3);
            }

            return B(value);
        }

        if (roll < 700)
        {
            return B(NotCanonicalIntegers[_random.Next(NotCanonicalIntegers.Length)]);
        }

        return roll < 995 || small ? RandomBytes(_random.Next(0, 65), printable: false) : RandomBytes(_random.Next(4096, 200 * 1024), printable: false);
    }

    private byte[] RandomBytes(int length, bool printable)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        if (printable)
        {
            for (var i = 0; i < length; i++)
            {
                bytes[i] = (byte)('!' + (bytes[i] % 94));
            }
        }

        return bytes;
    }

    /// <summary>An inline line with every word double-quoted, escaping what sdssplitargs would otherwise split or unquote.</summary>
    private static byte[] Inline(byte[][] words)
    {
        var line = new StringBuilder();
        foreach (var word in words)
        {
            line.Append(line.Length == 0 ? "\"" : " \"");
            foreach (var b in word)
            {
                line.Append(b is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x7f ? "\\x" + b.ToString("x2", CultureInfo.InvariantCulture) : ((char)b).ToString());
            }

            line.Append('"');
        }

        return Encoding.Latin1.GetBytes(line.Append("\r\n").ToString());
    }

    private static string Describe(byte[][] words, bool inline) =>
        (inline ? "inline " : string.Empty) + string.Join(' ', words.Select(w => w.Length > 40 ? $"<{w.Length} bytes>" : Quote(w)));

    private static string Show(byte[] reply) => reply.Length > 200 ? $"<{reply.Length} bytes> {Quote(reply[..100])}..." : Quote(reply);

    private static string Quote(byte[] bytes) =>
        "\"" + string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}")) + "\"";

    private static string Name(byte[] key) => Encoding.Latin1.GetString(key);

    private static byte[] B(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] B(long value) => B(value.ToString(CultureInfo.InvariantCulture));

    private static byte[][] W(string command, params byte[][] words) => [B(command), .. words];

    private sealed record Operation(byte[] Request, ExpectedReply Expected, string Text);
}
