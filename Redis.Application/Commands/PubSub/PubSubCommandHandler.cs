using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.PubSub;

/// <summary>Redis's <c>pubsubCommand</c>: introspection of the channels and patterns that have subscribers.</summary>
/// <remarks>NUMSUB counts channel subscribers only, not pattern ones; CHANNELS lists channels, never patterns.</remarks>
public sealed class PubSubCommandHandler(PubSubRegistry pubSub) : IRequestHandler<PubSubCommand, Reply>
{
    private static readonly Reply HelpText = Reply.Array(
    [
        .. new[]
        {
            "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)",
            "HELP",
            "    Prints this help.",
        }.Select(Reply.Simple),
    ]);

    public ValueTask<Reply> Handle(PubSubCommand request, CancellationToken cancellationToken) => new(request.Subcommand switch
    {
        PubSubSubcommand.Help => HelpText,
        PubSubSubcommand.NumPat => Reply.Integer(pubSub.PatternCount),
        PubSubSubcommand.NumSub => Counts(request.Channels, shard: false),
        PubSubSubcommand.ShardNumSub => Counts(request.Channels, shard: true),
        PubSubSubcommand.Channels => Names(pubSub.Channels(request.Pattern is { } p ? p.Span : default, request.Pattern is null)),
        _ => Names(pubSub.ShardChannels(request.Pattern is { } s ? s.Span : default, request.Pattern is null)),
    });

    private Reply Counts(ReadOnlyMemory<byte>[] channels, bool shard)
    {
        var items = new Reply[channels.Length * 2];
        for (var i = 0; i < channels.Length; i++)
        {
            var channel = channels[i];
            items[2 * i] = Reply.Bulk(channel);
            items[(2 * i) + 1] = Reply.Integer(shard ? pubSub.ShardSubscriberCount(channel.Span) : pubSub.SubscriberCount(channel.Span));
        }

        return Reply.Array(items);
    }

    private static Reply Names(List<byte[]> names) => Reply.Array([.. names.Select(Reply.Bulk)]);
}
