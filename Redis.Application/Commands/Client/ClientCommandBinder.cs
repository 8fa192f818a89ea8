using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Client;

/// <summary>The <c>CLIENT</c> container: each subcommand has its own arity, checked here as Redis checks <c>client|setname</c>.</summary>
/// <remarks>
/// The options are parsed in the order and with the errors of Redis 7.0.15's <c>clientCommand</c>: <c>KILL</c>'s
/// filters one pair at a time (the first bad one answers), <c>PAUSE</c>'s mode before its timeout.
/// </remarks>
internal sealed class ClientCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Id = Sub("id", 2, string.Empty, "Return the ID of the current connection");
    private static readonly CommandSpec GetName = Sub("getname", 2, string.Empty, "Return the name of the current connection");
    private static readonly CommandSpec SetName = Sub("setname", 3, "<name>", "Assign the name <name> to the current connection");
    private static readonly CommandSpec Info = Sub("info", 2, string.Empty, "Return information about the current client connection");
    private static readonly CommandSpec List = Sub(
        "list", -2, "[TYPE (NORMAL|MASTER|REPLICA|PUBSUB)] [ID <id> [<id> ...]]", "Return information about client connections", admin: true);

    private static readonly CommandSpec Kill = Sub(
        "kill", -3, "<ip:port> | <option> <value> [<option> <value> ...]",
        "Kill connections: options ID, ADDR, LADDR, TYPE (NORMAL|MASTER|REPLICA|PUBSUB), USER, SKIPME (YES|NO)", admin: true);

    private static readonly CommandSpec Pause = Sub("pause", -3, "<timeout> [WRITE|ALL]", "Suspend all, or just write, clients for <timeout> milliseconds", admin: true);
    private static readonly CommandSpec Unpause = Sub("unpause", 2, string.Empty, "Stop the current client pause, resuming traffic", admin: true);
    private static readonly CommandSpec Unblock = Sub(
        "unblock", -3, "<clientid> [TIMEOUT|ERROR]", "Unblock the specified blocked client", admin: true);

    private static readonly CommandSpec ReplyMode = Sub("reply", 3, "(ON|OFF|SKIP)", "Control the replies sent to the current connection");
    private static readonly CommandSpec NoEvict = Sub("no-evict", 3, "(ON|OFF)", "Protect current client connection from eviction", admin: true);
    private static readonly CommandSpec SetInfo = Sub(
        "setinfo", 4, "<LIB-NAME|LIB-VER> <value>", "Set the client library's name or version, shown by CLIENT INFO");

    // CLIENT HELP is the one subcommand Redis does not flag noscript.
    private static readonly CommandSpec Help = new("client|help", 2, ["loading", "stale"]) { Doc = new(string.Empty, "Prints this help", "connection") };

    public CommandSpec Spec { get; } = new("client", -2, ["sentinel"])
    {
        Doc = new("<subcommand> [<arg> ...]", "Inspect, name, kill and pause connections", "connection"),
        Subcommands = [Id, GetName, SetName, Info, List, Kill, Pause, Unpause, Unblock, ReplyMode, NoEvict, SetInfo, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        var argumentBytes = args.ArgumentBytes;
        var name = args.NextSpan();
        if (Spec.SubcommandError(name, argc, out var subcommand) is { } error)
        {
            return error;
        }

        var session = args.Session;
        if (subcommand == SetInfo)
        {
            var attribute = args.NextBytes();
            var kind = System.Text.Ascii.EqualsIgnoreCase(attribute, "LIB-NAME"u8) ? ClientSubcommand.SetLibraryName
                : System.Text.Ascii.EqualsIgnoreCase(attribute, "LIB-VER"u8) ? ClientSubcommand.SetLibraryVersion
                : (ClientSubcommand?)null;
            return kind is null
                ? Errors.UnrecognizedOption(attribute)
                : new BindResult(new ClientCommand(session, kind.Value, args.NextBytes(), attribute));
        }

        if (subcommand == List)
        {
            return BindList(ref args, session, argc, argumentBytes);
        }

        if (subcommand == Kill)
        {
            return BindKill(ref args, session, argc);
        }

        if (subcommand == Pause)
        {
            return argc > 4 ? Errors.SubcommandSyntax(name, "client"u8) : BindPause(ref args, session, argc);
        }

        if (subcommand == Unblock)
        {
            return argc > 4 ? Errors.SubcommandSyntax(name, "client"u8) : BindUnblock(ref args, session, argc);
        }

        if (subcommand == ReplyMode || subcommand == NoEvict)
        {
            var which = subcommand == ReplyMode
                ? args.NextIs("ON"u8) ? ClientSubcommand.ReplyOn : args.NextIs("OFF"u8) ? ClientSubcommand.ReplyOff : args.NextIs("SKIP"u8) ? ClientSubcommand.ReplySkip : (ClientSubcommand?)null
                : args.NextIs("ON"u8) ? ClientSubcommand.NoEvictOn : args.NextIs("OFF"u8) ? ClientSubcommand.NoEvictOff : (ClientSubcommand?)null;
            return which is null ? Errors.Syntax : new BindResult(new ClientCommand(session, which.Value));
        }

        var simple = subcommand == Id ? ClientSubcommand.Id
            : subcommand == GetName ? ClientSubcommand.GetName
            : subcommand == SetName ? ClientSubcommand.SetName
            : subcommand == Info ? ClientSubcommand.Info
            : subcommand == Unpause ? ClientSubcommand.Unpause
            : ClientSubcommand.Help;
        return new BindResult(new ClientCommand(session, simple, simple == ClientSubcommand.SetName ? args.NextBytes() : null)
        {
            ArgumentBytes = argumentBytes,
        });
    }

    /// <summary><c>CLIENT UNBLOCK id [TIMEOUT|ERROR]</c>: the reason is checked before the id, as in Redis's <c>clientCommand</c>.</summary>
    private static BindResult BindUnblock(ref ArgCursor args, ClientSession session, int argc)
    {
        var id = args.NextSpan();
        var withError = false;
        if (argc == 4)
        {
            withError = args.NextIs("ERROR"u8);
            if (!withError && !System.Text.Ascii.EqualsIgnoreCase(args.NextSpan(), "TIMEOUT"u8))
            {
                return Errors.UnblockReason;
            }
        }

        return RedisInteger.TryParse(id, out var clientId)
            ? new BindResult(new ClientCommand(session, ClientSubcommand.Unblock) { UnblockId = clientId, UnblockWithError = withError })
            : Errors.NotAnInteger;
    }

    /// <summary><c>CLIENT LIST [TYPE type | ID id [id ...]]</c>: <c>TYPE</c> only as the one option, ids parsed in order.</summary>
    private static BindResult BindList(ref ArgCursor args, ClientSession session, int argc, long argumentBytes)
    {
        if (argc == 2)
        {
            return new(new ClientCommand(session, ClientSubcommand.List) { ArgumentBytes = argumentBytes });
        }

        if (argc == 4 && args.NextIs("TYPE"u8))
        {
            var typeName = args.NextSpan();
            return TryParseType(typeName, out var type)
                ? new BindResult(new ClientCommand(session, ClientSubcommand.List) { ArgumentBytes = argumentBytes, Type = type })
                : Errors.UnknownClientType(typeName);
        }

        if (argc > 3 && args.NextIs("ID"u8))
        {
            var ids = new long[args.Remaining];
            for (var i = 0; i < ids.Length; i++)
            {
                if (!args.TryNextInt64(out ids[i]))
                {
                    return Errors.InvalidClientId;
                }
            }

            return new(new ClientCommand(session, ClientSubcommand.List) { ArgumentBytes = argumentBytes, Ids = ids });
        }

        return Errors.Syntax;
    }

    /// <summary>
    /// <c>CLIENT KILL ip:port</c> (which may kill the asking connection), or the filter pairs with <c>SKIPME yes</c> by
    /// default; each pair is checked as it is met, so the first bad one answers.
    /// </summary>
    private static BindResult BindKill(ref ArgCursor args, ClientSession session, int argc)
    {
        if (argc == 3)
        {
            return new(new ClientCommand(session, ClientSubcommand.Kill) { Kill = new(Address: Text(args.NextSpan()), SkipMe: false, OldForm: true) });
        }

        var filter = new ClientKillFilter();
        while (args.HasMore)
        {
            var option = args.NextSpan();
            if (!args.HasMore)
            {
                return Errors.Syntax;
            }

            if (Is(option, "ID"u8))
            {
                if (!args.TryNextInt64(out var id) || id < 1)
                {
                    return Errors.ClientIdNotPositive;
                }

                filter = filter with { Id = id };
            }
            else if (Is(option, "TYPE"u8))
            {
                var typeName = args.NextSpan();
                if (!TryParseType(typeName, out var type))
                {
                    return Errors.UnknownClientType(typeName);
                }

                filter = filter with { Type = type };
            }
            else if (Is(option, "ADDR"u8))
            {
                filter = filter with { Address = Text(args.NextSpan()) };
            }
            else if (Is(option, "LADDR"u8))
            {
                filter = filter with { LocalAddress = Text(args.NextSpan()) };
            }
            else if (Is(option, "USER"u8))
            {
                // The default user is the only one (no ACL SETUSER), and every connection is authenticated as it;
                // Redis's ACLGetUserByName compares the name exactly.
                var user = args.NextSpan();
                if (!user.SequenceEqual("default"u8))
                {
                    return Errors.NoSuchUser(user);
                }
            }
            else if (Is(option, "SKIPME"u8))
            {
                var skip = args.NextIs("YES"u8) ? true : args.NextIs("NO"u8) ? false : (bool?)null;
                if (skip is null)
                {
                    return Errors.Syntax;
                }

                filter = filter with { SkipMe = skip.Value };
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new(new ClientCommand(session, ClientSubcommand.Kill) { Kill = filter });
    }

    /// <summary><c>CLIENT PAUSE timeout [WRITE|ALL]</c>: the mode first, then <c>getTimeoutFromObjectOrReply</c> in milliseconds.</summary>
    private static BindResult BindPause(ref ArgCursor args, ClientSession session, int argc)
    {
        var timeout = args.NextSpan();
        var kind = ClientPauseKind.All;
        if (argc == 4)
        {
            if (args.NextIs("WRITE"u8))
            {
                kind = ClientPauseKind.Write;
            }
            else if (!args.NextIs("ALL"u8))
            {
                return Errors.ClientPauseMode;
            }
        }

        if (!RedisInteger.TryParse(timeout, out var milliseconds))
        {
            return Errors.TimeoutNotAnInteger;
        }

        return milliseconds < 0
            ? Errors.TimeoutNegative
            : new BindResult(new ClientCommand(session, ClientSubcommand.Pause) { PauseMilliseconds = milliseconds, PauseKind = kind });
    }

    /// <summary>Redis's <c>getClientTypeByName</c>: <c>slave</c> is the old name of <c>replica</c>.</summary>
    private static bool TryParseType(ReadOnlySpan<byte> name, out ClientType type)
    {
        type = Is(name, "normal"u8) ? ClientType.Normal
            : Is(name, "slave"u8) || Is(name, "replica"u8) ? ClientType.Replica
            : Is(name, "pubsub"u8) ? ClientType.PubSub
            : Is(name, "master"u8) ? ClientType.Master
            : (ClientType)(-1);
        return type >= 0;
    }

    private static bool Is(ReadOnlySpan<byte> value, ReadOnlySpan<byte> word) => System.Text.Ascii.EqualsIgnoreCase(value, word);

    private static string Text(ReadOnlySpan<byte> value) => System.Text.Encoding.UTF8.GetString(value);

    private static CommandSpec Sub(string name, int arity, string arguments, string summary, bool admin = false) =>
        new("client|" + name, arity, admin ? ["admin", "noscript", "loading", "stale"] : ["noscript", "loading", "stale"])
        {
            Doc = new(arguments, summary, "connection"),
        };
}
