using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>What the command table knows of a command: its name, arity, flags and key positions, as <c>COMMAND INFO</c> reports them.</summary>
/// <param name="Name">Lower case, as Redis declares it; the one place the name is written.</param>
/// <param name="Arity">Redis's convention: positive means exactly that many words, negative means at least its absolute value (the name included).</param>
/// <param name="Flags">Redis's command flags, for example <c>write</c>, <c>readonly</c>, <c>fast</c>.</param>
/// <param name="FirstKey">Position of the first key argument, 0 when the command takes no key.</param>
/// <param name="LastKey">Position of the last key argument, -1 for "the last argument".</param>
/// <param name="Step">Distance between key arguments.</param>
public sealed record CommandSpec(
    string Name,
    int Arity,
    string[] Flags,
    int FirstKey = 0,
    int LastKey = 0,
    int Step = 0)
{
    /// <summary>Syntax and summary for <c>help</c> and the docs; null when the command has none yet.</summary>
    public CommandDoc? Doc { get; init; }

    /// <summary>
    /// The subcommands of a container command such as <c>CLIENT</c>, each named <c>container|sub</c> with its own
    /// arity as Redis 7 declares them; <c>COMMAND INFO</c> lists them and their binder checks their arity.
    /// </summary>
    public IReadOnlyList<CommandSpec> Subcommands
    {
        get;
        init
        {
            field = value;
            IsContainer = value.Count > 0;
            Counters = new CommandCounters(value.Count);
        }
    } = [];

    /// <summary>True for a container command (<c>CLIENT</c>, <c>CONFIG</c>): it has <see cref="Subcommands"/>.</summary>
    /// <remarks>A field, so the router's test for a subcommand costs nothing for the other commands.</remarks>
    public bool IsContainer { get; private init; }

    /// <summary>
    /// This command's <c>INFO commandstats</c> counters, and its subcommands'; they belong to the spec's instance, which
    /// its binder creates (see <see cref="CommandCounters"/>).
    /// </summary>
    public CommandCounters Counters { get; private init; } = new(0);

    /// <summary>
    /// Redis's <c>no-auth</c> flag (<c>no_auth</c> in <c>COMMAND INFO</c>): the command runs before the connection has
    /// authenticated (<c>AUTH</c>, <c>HELLO</c>, <c>QUIT</c>).
    /// </summary>
    public bool AllowsUnauthenticated { get; } = Flags.Contains("no_auth");

    /// <summary>Redis's <c>no_multi</c> flag (<c>SHUTDOWN</c>): refused inside <c>MULTI</c>, which it fails.</summary>
    public bool DeniedInMulti { get; } = Flags.Contains("no_multi");

    /// <summary>Redis's <c>noscript</c> flag: a script's <c>redis.call</c> may not run the command.</summary>
    public bool DeniedInScript { get; } = Flags.Contains("noscript");

    /// <summary>Redis's <c>allow_busy</c> flag: the command runs while a script is past <c>busy-reply-threshold</c> (<c>SCRIPT KILL</c>, <c>AUTH</c>, <c>MULTI</c>).</summary>
    public bool AllowedWhileBusy { get; } = Flags.Contains("allow_busy");

    /// <summary>Redis's <c>skip_slowlog</c> flag (<c>EXEC</c>): the slow log records the commands it ran instead.</summary>
    public bool SkipsSlowLog { get; } = Flags.Contains("skip_slowlog");

    /// <summary>Redis's <c>CMD_SKIP_MONITOR|CMD_ADMIN</c> test in <c>call()</c>: <c>MONITOR</c> does not show the command.</summary>
    public bool SkipsMonitor { get; } = Flags.Contains("admin") || Flags.Contains("skip_monitor");

    /// <summary>
    /// Redis's <c>is_may_replicate_command</c>: flagged <c>write</c> or <c>may_replicate</c>, so <c>CLIENT PAUSE WRITE</c>
    /// holds it back.
    /// </summary>
    public bool MayReplicate { get; } = Flags.Contains("write") || Flags.Contains("may_replicate");

    /// <summary>Redis's <c>write</c> flag: the command may change the dataset, and is logged when it does (<see cref="Propagation.CommandPropagation"/>).</summary>
    public bool IsWrite { get; } = Flags.Contains("write");

    /// <summary>Redis's <c>denyoom</c> flag: the command may grow memory, so it is refused with <c>-OOM</c> while used memory is over <c>maxmemory</c>.</summary>
    public bool DeniedOnOutOfMemory { get; } = Flags.Contains("denyoom");

    /// <summary>
    /// Refused with <c>-MISCONF</c> while the last background save failed (Redis's <c>processCommand</c>: a command
    /// flagged <c>write</c>, or <c>PING</c>).
    /// </summary>
    public bool DeniedOnDiskError { get; } = Flags.Contains("write") || Name == "ping";

    /// <summary>
    /// True for the commands Redis runs at once inside <c>MULTI</c> instead of queueing them (<c>processCommand</c>:
    /// <c>EXEC</c>, <c>DISCARD</c>, <c>MULTI</c>, <c>WATCH</c>, <c>QUIT</c>, <c>RESET</c>). Not a flag of
    /// <c>COMMAND INFO</c>: Redis names these commands in code, not in their flags.
    /// </summary>
    public bool RunsInsideMulti { get; init; }

    /// <summary>
    /// True for the commands a RESP2 subscriber may still send (Redis's <c>processCommand</c>: (P|S)SUBSCRIBE,
    /// (P|S)UNSUBSCRIBE, PING, QUIT, RESET). Not a flag of <c>COMMAND INFO</c>: Redis names these commands in code.
    /// </summary>
    public bool AllowedInSubscriberMode { get; init; }

    /// <summary>
    /// For a command whose keys follow a count (<c>ZUNIONSTORE dest numkeys key ...</c>, <c>LMPOP numkeys key ...</c>):
    /// the position of that count, 0 for the others. Redis 7's <c>keynum</c> key spec (<c>keynumidx</c> 0, the keys
    /// right after it, one by one), which <c>COMMAND GETKEYS</c> reads after the range of
    /// <see cref="FirstKey"/>..<see cref="LastKey"/>; such a command is flagged <c>movablekeys</c>.
    /// </summary>
    public int KeyCountAt { get; init; }

    /// <summary>
    /// Redis's <c>getkeys_proc</c>, for a command whose keys neither a range nor <see cref="KeyCountAt"/> describes
    /// (<c>SORT</c>'s <c>STORE</c> destination): the positions of the keys in the whole request, which
    /// <c>COMMAND GETKEYS</c> then uses instead of the range.
    /// </summary>
    public Func<byte[][], IReadOnlyList<int>>? FindKeys { get; init; }

    /// <summary>True when the command names keys: a key range, a key count, or its own key finder.</summary>
    public bool HasKeys => FirstKey != 0 || KeyCountAt != 0 || FindKeys is not null;

    /// <summary>
    /// Redis's <c>getKeysFromCommand</c>: the positions of the keys in <paramref name="args"/> (the whole request),
    /// from the range, the key count or <see cref="FindKeys"/>; null when a key count is refused (not an integer of at
    /// least 1, or more keys than arguments). <c>COMMAND GETKEYS</c> and cluster routing ask this.
    /// </summary>
    public List<int>? KeyPositions(CommandArgs args)
    {
        var keys = new List<int>();
        return TryGetKeyPositions(args, keys) ? keys : null;
    }

    /// <summary>
    /// <see cref="KeyPositions"/> into <paramref name="keys"/>, emptied first, so a caller on every command (cluster
    /// routing) reuses one list; false when a key count is refused.
    /// </summary>
    public bool TryGetKeyPositions(CommandArgs args, List<int> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        keys.Clear();
        if (FindKeys is { } findKeys)
        {
            keys.AddRange(findKeys(args.ToArrays()));
        }
        else if (FirstKey != 0)
        {
            var last = LastKey < 0 ? args.Count + LastKey : LastKey;
            for (var i = FirstKey; i <= last && i < args.Count; i += Math.Max(1, Step))
            {
                keys.Add(i);
            }
        }

        if (KeyCountAt != 0)
        {
            var first = KeyCountAt + 1;
            if (KeyCountAt >= args.Count || !RedisInteger.TryParse(args[KeyCountAt], out var count)
                || count < 1 || count > args.Count - first)
            {
                return false;
            }

            for (var i = first; i < first + count; i++)
            {
                keys.Add(i);
            }
        }

        return true;
    }

    /// <summary>The cached <c>wrong number of arguments</c> reply for this command.</summary>
    public Reply ArityError { get; } = Errors.WrongArity(Name);

    /// <summary>The subcommand named <paramref name="name"/> (the part after <c>|</c>), ignoring ASCII case; null when there is none.</summary>
    public CommandSpec? FindSubcommand(ReadOnlySpan<byte> name) =>
        FindSubcommandIndex(name) is >= 0 and var index ? Subcommands[index] : null;

    /// <summary>The position in <see cref="Subcommands"/> of the subcommand named <paramref name="name"/>, ignoring ASCII case; -1 when there is none.</summary>
    public int FindSubcommandIndex(ReadOnlySpan<byte> name)
    {
        for (var index = 0; index < Subcommands.Count; index++)
        {
            var subcommand = Subcommands[index].Name;
            var separator = subcommand.IndexOf('|', StringComparison.Ordinal);
            if (System.Text.Ascii.EqualsIgnoreCase(name, subcommand.AsSpan(separator + 1)))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// Looks up a container's subcommand as Redis does with the command: the error for an unknown subcommand or its
    /// wrong number of arguments (<paramref name="argc"/> words in all), or null with the subcommand found.
    /// </summary>
    public Reply? SubcommandError(ReadOnlySpan<byte> name, int argc, out CommandSpec subcommand)
    {
        var found = FindSubcommand(name);
        subcommand = found!;
        return found is null ? Errors.UnknownSubcommand(name, Name)
            : found.AcceptsArgumentCount(argc) ? null
            : found.ArityError;
    }

    /// <summary>
    /// Reads a container's subcommand name from <paramref name="args"/> and checks its arity, as Redis looks
    /// <c>container|sub</c> up: null with the unknown-subcommand or arity error, or the subcommand's spec.
    /// </summary>
    public CommandSpec? BindSubcommand(ref ArgCursor args, out Reply error)
    {
        var argc = args.Remaining + 1;
        if (SubcommandError(args.NextSpan(), argc, out var subcommand) is { } refused)
        {
            error = refused;
            return null;
        }

        error = default;
        return subcommand;
    }

    /// <summary>True when <paramref name="argc"/> words satisfy the arity (Redis's <c>commandCheckArity</c>).</summary>
    public bool AcceptsArgumentCount(int argc) => Arity > 0 ? argc == Arity : argc >= -Arity;
}
