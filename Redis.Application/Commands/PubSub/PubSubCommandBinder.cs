using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.PubSub;

/// <summary>The <c>PUBSUB</c> container: each subcommand's arity as Redis 7.0 declares it, then <c>pubsubCommand</c>'s own counts.</summary>
internal sealed class PubSubCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Channels = Sub("channels", -2, "[pattern]", "List active channels");
    private static readonly CommandSpec NumPat = Sub("numpat", 2, string.Empty, "Get the count of unique patterns pattern subscriptions");
    private static readonly CommandSpec NumSub = Sub("numsub", -2, "[channel [channel ...]]", "Get the count of subscribers for channels");
    private static readonly CommandSpec ShardChannels = Sub("shardchannels", -2, "[pattern]", "List active shard channels");
    private static readonly CommandSpec ShardNumSub = Sub("shardnumsub", -2, "[shardchannel [shardchannel ...]]", "Get the count of subscribers for shard channels");
    private static readonly CommandSpec Help = new("pubsub|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "pubsub"),
    };

    public CommandSpec Spec { get; } = new("pubsub", -2, [])
    {
        Doc = new("<subcommand> [<arg> ...]", "Inspect the state of the Pub/Sub subsystem", "pubsub"),
        Subcommands = [Channels, NumPat, NumSub, ShardChannels, ShardNumSub, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        var name = args.NextSpan();
        if (Spec.SubcommandError(name, argc, out var subcommand) is { } error)
        {
            return error;
        }

        if (subcommand == Help)
        {
            return new(new PubSubCommand(PubSubSubcommand.Help, null, []));
        }

        if (subcommand == NumPat)
        {
            return new(new PubSubCommand(PubSubSubcommand.NumPat, null, []));
        }

        if (subcommand == NumSub || subcommand == ShardNumSub)
        {
            var kind = subcommand == NumSub ? PubSubSubcommand.NumSub : PubSubSubcommand.ShardNumSub;
            return new(new PubSubCommand(kind, null, args.RestMemory()));
        }

        // CHANNELS and SHARDCHANNELS take one pattern at most, which pubsubCommand checks, not the table.
        if (argc > 3)
        {
            return Errors.SubcommandSyntax(name, "pubsub"u8);
        }

        var channels = subcommand == Channels ? PubSubSubcommand.Channels : PubSubSubcommand.ShardChannels;
        return new(new PubSubCommand(channels, args.HasMore ? args.NextMemory() : null, []));
    }

    private static CommandSpec Sub(string name, int arity, string arguments, string summary) =>
        new("pubsub|" + name, arity, ["pubsub", "loading", "stale"])
        {
            Doc = new(arguments, summary, "pubsub"),
        };
}
