using Redis.Application.Routing;
using Redis.Application.Routing.Metadata;
using Redis.Protocol;

namespace Redis.Application.Commands.Command;

/// <summary>
/// The replies of <c>COMMAND INFO</c> and <c>COMMAND DOCS</c>, in Redis 7.0's shapes (<c>addReplyCommandInfo</c>,
/// <c>addReplyCommandDocs</c> in <c>server.c</c>): maps and sets, which a RESP2 connection gets as flat arrays.
/// </summary>
internal static class CommandMetadataReplies
{
    /// <summary><c>addReplyFlagsForCommand</c>'s table: the flags <c>COMMAND INFO</c> shows, in its order; the others (<c>may_replicate</c>) are hidden.</summary>
    private static readonly string[] ReplyFlagOrder =
    [
        "write", "readonly", "denyoom", "module", "admin", "pubsub", "noscript", "blocking", "loading", "stale",
        "skip_monitor", "skip_slowlog", "asking", "fast", "no_auth", "no_mandatory_keys", "no_async_loading",
        "no_multi", "movablekeys", "allow_busy",
    ];

    /// <summary>acl.c's <c>ACLCommandCategories</c>, in its order.</summary>
    private static readonly string[] CategoryOrder =
    [
        "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap", "hyperloglog", "geo",
        "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection", "transaction", "scripting",
    ];

    private static readonly (KeyAccess Flag, string Name)[] KeySpecFlagNames =
    [
        (KeyAccess.RO, "RO"), (KeyAccess.RW, "RW"), (KeyAccess.OW, "OW"), (KeyAccess.RM, "RM"),
        (KeyAccess.Access, "access"), (KeyAccess.Update, "update"), (KeyAccess.Insert, "insert"),
        (KeyAccess.Delete, "delete"), (KeyAccess.NotKey, "not_key"), (KeyAccess.Incomplete, "incomplete"),
        (KeyAccess.VariableFlags, "variable_flags"),
    ];

    private static readonly Reply EmptySet = Reply.Set([]);

    /// <summary>One command's <c>COMMAND INFO</c> entry: the spec's name, arity, flags and key range, the metadata's categories, tips and key specs.</summary>
    public static Reply Info(CommandSpec spec, CommandMetadataCatalog catalog)
    {
        var metadata = catalog.Find(spec.Name);
        return Reply.Array(
        [
            Reply.Bulk(spec.Name),
            Reply.Integer(spec.Arity),
            Reply.Set([.. ReplyFlagOrder.Where(spec.Flags.Contains).Select(Reply.Simple)]),
            Reply.Integer(spec.FirstKey),
            Reply.Integer(spec.LastKey),
            Reply.Integer(spec.Step),
            Reply.Set([.. Categories(spec, metadata).Select(category => Reply.Simple("@" + category))]),
            metadata is null ? EmptySet : Reply.Set([.. metadata.Tips.Select(Reply.Bulk)]),
            metadata is null ? EmptySet : Reply.Set([.. metadata.KeySpecs.Select(KeySpecReply)]),
            spec.Subcommands.Count == 0 ? EmptySet : Reply.Array([.. spec.Subcommands.Select(sub => Info(sub, catalog))]),
        ]);
    }

    /// <summary>
    /// A command's ACL categories as Redis derives them (<c>setImplicitACLCategories</c>): the JSON's own, plus
    /// <c>@write</c>, <c>@read</c>, <c>@admin @dangerous</c>, <c>@pubsub</c>, <c>@fast</c>, <c>@blocking</c> from the
    /// flags, and <c>@slow</c> for any command not <c>@fast</c>; in acl.c's order.
    /// </summary>
    public static IEnumerable<string> Categories(CommandSpec spec, CommandMetadata? metadata)
    {
        var categories = new HashSet<string>(
            metadata?.AclCategories.Select(category => category.ToLowerInvariant()) ?? [], StringComparer.Ordinal);
        var flags = spec.Flags;
        if (flags.Contains("write"))
        {
            categories.Add("write");
        }

        if (flags.Contains("readonly") && !categories.Contains("scripting"))
        {
            categories.Add("read");
        }

        if (flags.Contains("admin"))
        {
            categories.Add("admin");
            categories.Add("dangerous");
        }

        if (flags.Contains("pubsub"))
        {
            categories.Add("pubsub");
        }

        if (flags.Contains("fast"))
        {
            categories.Add("fast");
        }

        if (flags.Contains("blocking"))
        {
            categories.Add("blocking");
        }

        if (!categories.Contains("fast"))
        {
            categories.Add("slow");
        }

        return CategoryOrder.Where(categories.Contains);
    }

    /// <summary>A key spec's flags as <c>addReplyFlagsForKeyArgs</c> names them, in its order.</summary>
    public static Reply KeySpecFlagReply(KeyAccess flags) =>
        Reply.Set([.. KeySpecFlagNames.Where(f => (flags & f.Flag) != 0).Select(f => Reply.Simple(f.Name))]);

    /// <summary>One command's <c>COMMAND DOCS</c> map; a container lists the subcommands this server has.</summary>
    public static Reply Docs(CommandSpec spec, CommandMetadataCatalog catalog)
    {
        if (catalog.Find(spec.Name) is not { } metadata)
        {
            // A command Redis 7.0 does not have: what its own spec says of it.
            return Reply.Map(spec.Doc is { } doc
                ? [Reply.Bulk("summary"), Reply.Bulk(doc.Summary), Reply.Bulk("group"), Reply.Bulk(doc.Group)]
                : [Reply.Bulk("group"), Reply.Bulk("server")]);
        }

        var map = new List<Reply>();
        Add(map, "summary", metadata.Summary);
        Add(map, "since", metadata.Since);
        Add(map, "group", metadata.Group);
        Add(map, "complexity", metadata.Complexity);
        AddFlags(map, "doc_flags", metadata.DocFlags);

        Add(map, "deprecated_since", metadata.DeprecatedSince);
        Add(map, "replaced_by", metadata.ReplacedBy);
        if (metadata.History.Count > 0)
        {
            map.Add(Reply.Bulk("history"));
            map.Add(Reply.Set([.. metadata.History.Select(h => Reply.Array([Reply.Bulk(h.Since), Reply.Bulk(h.Changes)]))]));
        }

        if (metadata.Arguments.Count > 0)
        {
            map.Add(Reply.Bulk("arguments"));
            map.Add(Arguments(metadata.Arguments));
        }

        if (spec.Subcommands.Count > 0)
        {
            map.Add(Reply.Bulk("subcommands"));
            map.Add(Reply.Map([.. spec.Subcommands.SelectMany(sub => new[] { Reply.Bulk(sub.Name), Docs(sub, catalog) })]));
        }

        return Reply.Map([.. map]);
    }

    private static Reply KeySpecReply(KeySpec spec)
    {
        var map = new List<Reply>();
        Add(map, "notes", spec.Notes);
        map.Add(Reply.Bulk("flags"));
        map.Add(KeySpecFlagReply(spec.Flags));
        map.Add(Reply.Bulk("begin_search"));
        map.Add(spec.BeginSearch switch
        {
            BeginSearchKind.Index => TypedSpec("index", Reply.Bulk("index"), Reply.Integer(spec.Index)),
            BeginSearchKind.Keyword => TypedSpec("keyword",
                Reply.Bulk("keyword"), Reply.Bulk(spec.Keyword!), Reply.Bulk("startfrom"), Reply.Integer(spec.StartFrom)),
            _ => TypedSpec("unknown"),
        });
        map.Add(Reply.Bulk("find_keys"));
        map.Add(spec.FindKeys switch
        {
            FindKeysKind.Range => TypedSpec("range",
                Reply.Bulk("lastkey"), Reply.Integer(spec.LastKey), Reply.Bulk("keystep"), Reply.Integer(spec.KeyStep),
                Reply.Bulk("limit"), Reply.Integer(spec.Limit)),
            FindKeysKind.Keynum => TypedSpec("keynum",
                Reply.Bulk("keynumidx"), Reply.Integer(spec.KeyNumIndex), Reply.Bulk("firstkey"), Reply.Integer(spec.FirstKey),
                Reply.Bulk("keystep"), Reply.Integer(spec.KeyStep)),
            _ => TypedSpec("unknown"),
        });
        return Reply.Map([.. map]);
    }

    private static Reply TypedSpec(string type, params Reply[] spec) =>
        Reply.Map([Reply.Bulk("type"), Reply.Bulk(type), Reply.Bulk("spec"), Reply.Map(spec)]);

    /// <summary><c>addReplyCommandArgList</c>: each argument a map, a <c>oneof</c> or <c>block</c> with its own list.</summary>
    private static Reply Arguments(IReadOnlyList<CommandArgument> arguments) => Reply.Array([.. arguments.Select(arg =>
    {
        var map = new List<Reply> { Reply.Bulk("name"), Reply.Bulk(arg.Name), Reply.Bulk("type"), Reply.Bulk(arg.Type) };
        if (arg.KeySpecIndex != -1)
        {
            map.Add(Reply.Bulk("key_spec_index"));
            map.Add(Reply.Integer(arg.KeySpecIndex));
        }

        Add(map, "token", arg.Token);
        Add(map, "summary", arg.Summary);
        Add(map, "since", arg.Since);
        Add(map, "deprecated_since", arg.DeprecatedSince);
        AddFlags(map, "flags", arg.Flags);

        if (arg.Type is "oneof" or "block")
        {
            map.Add(Reply.Bulk("arguments"));
            map.Add(Arguments(arg.Arguments));
        }

        return Reply.Map([.. map]);
    })]);

    /// <summary>A set of flags under <paramref name="name"/>, left out when there are none (Redis tests the flags word for 0).</summary>
    private static void AddFlags(List<Reply> map, string name, IReadOnlyList<string> flags)
    {
        if (flags.Count > 0)
        {
            map.Add(Reply.Bulk(name));
            map.Add(Reply.Set([.. flags.Select(Reply.Simple)]));
        }
    }

    private static void Add(List<Reply> map, string name, string? value)
    {
        if (value is not null)
        {
            map.Add(Reply.Bulk(name));
            map.Add(Reply.Bulk(value));
        }
    }
}
