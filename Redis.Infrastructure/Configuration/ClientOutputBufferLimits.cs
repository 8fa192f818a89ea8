using System.Globalization;

namespace Redis.Infrastructure.Configuration;

/// <summary>The classes of client an output buffer limit applies to, as Redis's <c>getClientTypeByName</c> names them.</summary>
public enum ClientClass
{
    Normal,
    Replica,
    PubSub,
}

/// <summary><c>client-output-buffer-limit</c>: a hard limit, a soft limit and its seconds per class of client.</summary>
/// <remarks>
/// Parsed as Redis's <c>updateClientOutputBufferLimit</c> (<c>config.c</c>) parses it: groups of four words
/// <c>&lt;class&gt; &lt;hard&gt; &lt;soft&gt; &lt;soft-seconds&gt;</c>, the sizes with <see cref="MemorySize"/> units; a class not
/// named keeps its default, and one bad group refuses the whole value. Reported in Redis's form, <c>slave</c> and bytes.
/// </remarks>
public sealed class ClientOutputBufferLimits
{
    /// <summary>Redis's default: normal clients unlimited, replicas 256 MB/64 MB/60 s, Pub/Sub clients 32 MB/8 MB/60 s.</summary>
    public const string Default = "normal 0 0 0 slave 256mb 64mb 60 pubsub 32mb 8mb 60";

    private const string WrongNumberOfArguments = "Wrong number of arguments in buffer limit configuration.";
    private const string InvalidClass = "Invalid client class specified in buffer limit configuration.";
    private const string InvalidValue = "Error in hard, soft or soft_seconds setting in buffer limit configuration.";

    private readonly OutputBufferLimit[] _limits;

    private ClientOutputBufferLimits(OutputBufferLimit[] limits) => _limits = limits;

    public OutputBufferLimit this[ClientClass clientClass] => _limits[(int)clientClass];

    /// <summary>Redis's defaults with the classes <paramref name="text"/> names replaced; false with Redis's error text otherwise.</summary>
    public static bool TryParse(string? text, out ClientOutputBufferLimits limits, out string? error)
    {
        limits = null!;
        var values = new OutputBufferLimit[3];
        if (!TryApply(Default, values, out error))
        {
            throw new InvalidOperationException("The default client-output-buffer-limit does not parse: " + error);
        }

        if (!TryApply(text ?? string.Empty, values, out error))
        {
            return false;
        }

        limits = new ClientOutputBufferLimits(values);
        return true;
    }

    /// <summary>
    /// <c>CONFIG SET client-output-buffer-limit</c>: these limits with the classes <paramref name="text"/> names replaced,
    /// as Redis's <c>setConfigClientOutputBufferLimitOption</c> changes only the classes given.
    /// </summary>
    public bool TryChange(string text, out ClientOutputBufferLimits changed, out string? error)
    {
        changed = null!;
        var values = (OutputBufferLimit[])_limits.Clone();
        if (!TryApply(text, values, out error))
        {
            return false;
        }

        changed = new ClientOutputBufferLimits(values);
        return true;
    }

    /// <summary>The value as <c>CONFIG GET client-output-buffer-limit</c> reports it (Redis 7.0's order and spelling).</summary>
    public override string ToString() => string.Join(' ',
        Describe("normal", this[ClientClass.Normal]),
        Describe("slave", this[ClientClass.Replica]),
        Describe("pubsub", this[ClientClass.PubSub]));

    private static string Describe(string name, OutputBufferLimit limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} {limit.HardBytes} {limit.SoftBytes} {limit.SoftSeconds}");

    private static bool TryApply(string text, OutputBufferLimit[] target, out string? error)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length % 4 != 0)
        {
            error = WrongNumberOfArguments;
            return false;
        }

        // Every group is checked before any is applied: Redis refuses the whole value or accepts it all.
        var parsed = new (ClientClass Class, OutputBufferLimit Limit)[words.Length / 4];
        for (var i = 0; i < words.Length; i += 4)
        {
            if (!TryParseClass(words[i], out var clientClass))
            {
                error = InvalidClass;
                return false;
            }

            if (!MemorySize.TryParse(words[i + 1], out var hard) || !MemorySize.TryParse(words[i + 2], out var soft)
                || !long.TryParse(words[i + 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                error = InvalidValue;
                return false;
            }

            parsed[i / 4] = (clientClass, new OutputBufferLimit(hard, soft, seconds));
        }

        foreach (var (clientClass, limit) in parsed)
        {
            target[(int)clientClass] = limit;
        }

        error = null;
        return true;
    }

    /// <summary>Redis's <c>getClientTypeByName</c>, less <c>master</c>, which has no limit of its own.</summary>
    private static bool TryParseClass(string name, out ClientClass clientClass)
    {
        switch (name.ToLowerInvariant())
        {
            case "normal":
                clientClass = ClientClass.Normal;
                return true;
            case "slave" or "replica":
                clientClass = ClientClass.Replica;
                return true;
            case "pubsub":
                clientClass = ClientClass.PubSub;
                return true;
            default:
                clientClass = default;
                return false;
        }
    }
}
