using System.Globalization;
using Redis.Protocol;

namespace Redis.Infrastructure.Configuration.Settings;

/// <summary>
/// One entry of the settings registry: a setting's Redis name, how its value is read from the options, whether
/// <c>CONFIG SET</c> may change it, how a new value is checked (with Redis's per-type error texts) and stored.
/// </summary>
/// <remarks>
/// Mirrors Redis's <c>standardConfig</c> (<c>config.c</c>): a type (<see cref="Integer"/>, <see cref="Memory"/>,
/// <see cref="YesNo"/>, <see cref="Text"/>, <see cref="Special"/>), bounds, <c>IMMUTABLE_CONFIG</c>, and an optional apply
/// step that may fail after every value was stored (then the registry restores the old ones, as
/// <c>restoreBackupConfig</c> does). The value lives in <see cref="RedisServerOptions"/>, the one object the transports
/// read, so storing it is what makes it take effect; parts that derive something from it listen to
/// <c>IServerSettings.Changed</c>.
/// </remarks>
public sealed class Setting
{
    private readonly Func<RedisServerOptions, string> _format;
    private readonly Func<string, RedisServerOptions, (Action<RedisServerOptions>? Store, string? Error)>? _parse;

    private Setting(
        string name,
        Func<RedisServerOptions, string> format,
        Func<string, RedisServerOptions, (Action<RedisServerOptions>?, string?)>? parse)
    {
        Name = name;
        _format = format;
        _parse = parse;
    }

    /// <summary>The name <c>CONFIG GET</c> reports and <c>CONFIG SET</c> errors quote.</summary>
    public string Name { get; }

    /// <summary>Other names <c>CONFIG SET</c> accepts for it (Redis's <c>alias</c>, such as <c>slave-read-only</c>).</summary>
    public IReadOnlyList<string> Aliases { get; private init; } = [];

    /// <summary>False for Redis's <c>IMMUTABLE_CONFIG</c>: <c>CONFIG SET</c> answers <c>can't set immutable config</c>.</summary>
    public bool IsMutable => _parse is not null;

    /// <summary>
    /// Run after every value of one <c>CONFIG SET</c> was stored; an error text undoes the whole call (Redis's
    /// <c>apply</c> functions, such as <c>updateMaxclients</c>).
    /// </summary>
    public Func<RedisServerOptions, string?>? Apply { get; private init; }

    /// <summary>The current value, as <c>CONFIG GET</c> prints it.</summary>
    public string Format(RedisServerOptions options) => _format(options);

    /// <summary>Checks <paramref name="value"/>; on success returns how to store it, otherwise Redis's error text.</summary>
    public (Action<RedisServerOptions>? Store, string? Error) Parse(string value, RedisServerOptions current) =>
        _parse is null ? (null, "can't set immutable config") : _parse(value, current);

    /// <summary>A copy accepting <paramref name="aliases"/> too.</summary>
    public Setting WithAliases(params string[] aliases) => new(Name, _format, _parse) { Aliases = aliases, Apply = Apply };

    /// <summary>A copy that runs <paramref name="apply"/> once the values of a <c>CONFIG SET</c> are stored.</summary>
    public Setting WithApply(Func<RedisServerOptions, string?> apply) => new(Name, _format, _parse) { Aliases = Aliases, Apply = apply };

    /// <summary>A setting <c>CONFIG SET</c> refuses (<c>IMMUTABLE_CONFIG</c>), or one this server cannot change while it runs.</summary>
    public static Setting Immutable(string name, Func<RedisServerOptions, string> format) => new(name, format, null);

    /// <summary>Redis's <c>INTEGER_CONFIG</c> numbers: <c>string2ll</c>, then the bounds, with its two error texts.</summary>
    public static Setting Integer(string name, long min, long max, Func<RedisServerOptions, long> get, Action<RedisServerOptions, long> set) =>
        new(name, o => Invariant(get(o)), (text, _) => Number(text, min, max, set, memory: false));

    /// <summary>Redis's <c>MEMORY_CONFIG</c> numbers: <c>memtoull</c> units (<c>1mb</c>), else a plain number, then the bounds.</summary>
    public static Setting Memory(string name, long min, long max, Func<RedisServerOptions, long> get, Action<RedisServerOptions, long> set) =>
        new(name, o => Invariant(get(o)), (text, _) => Number(text, min, max, set, memory: true));

    /// <summary>Redis's bool configs: <c>yes</c> or <c>no</c>, any case (<c>yesnotoi</c>).</summary>
    public static Setting YesNo(string name, Func<RedisServerOptions, bool> get, Action<RedisServerOptions, bool> set) =>
        new(name, o => get(o) ? "yes" : "no", (text, _) => text.ToLowerInvariant() switch
        {
            "yes" => (o => set(o, true), null),
            "no" => (o => set(o, false), null),
            _ => (null, "argument must be 'yes' or 'no'"),
        });

    /// <summary>Redis's string configs: any value is accepted.</summary>
    public static Setting Text(string name, Func<RedisServerOptions, string> get, Action<RedisServerOptions, string> set) =>
        new(name, get, (text, _) => (o => set(o, text), null));

    /// <summary>Redis's special configs, with a parser of their own that answers an error text or how to store the value.</summary>
    public static Setting Special(
        string name, Func<RedisServerOptions, string> get, Func<string, RedisServerOptions, (Action<RedisServerOptions>?, string?)> parse) =>
        new(name, get, parse);

    private static (Action<RedisServerOptions>?, string?) Number(string text, long min, long max, Action<RedisServerOptions, long> set, bool memory)
    {
        // numericParseString: a memory setting is parsed by memtoull alone (so no sign), a plain one by string2ll.
        long value;
        if (memory ? !MemorySize.TryParse(text, out value) : !RedisInteger.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out value))
        {
            return (null, memory ? "argument must be a memory value" : "argument couldn't be parsed into an integer");
        }

        return value < min || value > max
            ? (null, string.Create(CultureInfo.InvariantCulture, $"argument must be between {min} and {max} inclusive"))
            : (o => set(o, value), null);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
