using Redis.Application.Common;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.PubSub;

/// <summary>
/// The server's channels, patterns and shard channels with their subscribers (Redis's <c>server.pubsub_channels</c>,
/// <c>pubsub_patterns</c>, <c>pubsubshard_channels</c>), and the in-process way to publish.
/// </summary>
/// <remarks>
/// <para>
/// Follows Redis 7.0's <c>pubsub.c</c>: subscribing answers one confirmation per name with the connection's count after
/// it; unsubscribing from everything with nothing to drop still answers one confirmation with a null name; a message
/// goes first to the channel's subscribers in the order they subscribed, then to each matching pattern's.
/// Shard channels (<c>SSUBSCRIBE</c>, <c>SPUBLISH</c>) are a namespace of their own without patterns, as in a
/// non-cluster Redis 7.0.
/// </para>
/// <para>
/// A message reaches another connection through its <see cref="IClientConnection.Deliver"/>, encoded there in that
/// connection's protocol; nothing here knows sockets (ADR 0020). Only the serving thread calls this, like the keyspace;
/// the counts are read by <c>INFO</c> on that thread.
/// </para>
/// </remarks>
public sealed class PubSubRegistry
{
    private static readonly Reply SubscribeWord = Reply.Bulk("subscribe");
    private static readonly Reply UnsubscribeWord = Reply.Bulk("unsubscribe");
    private static readonly Reply PSubscribeWord = Reply.Bulk("psubscribe");
    private static readonly Reply PUnsubscribeWord = Reply.Bulk("punsubscribe");
    private static readonly Reply SSubscribeWord = Reply.Bulk("ssubscribe");
    private static readonly Reply SUnsubscribeWord = Reply.Bulk("sunsubscribe");
    private static readonly Reply MessageWord = Reply.Bulk("message");
    private static readonly Reply PMessageWord = Reply.Bulk("pmessage");
    private static readonly Reply SMessageWord = Reply.Bulk("smessage");

    private readonly Kind _channels = new(SubscribeWord, UnsubscribeWord, s => s.Channels, shard: false);
    private readonly Kind _patterns = new(PSubscribeWord, PUnsubscribeWord, s => s.Patterns, shard: false);
    private readonly Kind _shardChannels = new(SSubscribeWord, SUnsubscribeWord, s => s.ShardChannels, shard: true);

    /// <summary><c>pubsub_channels</c> in <c>INFO</c>: channels with at least one subscriber.</summary>
    public int ChannelCount => _channels.Subscribers.Count;

    /// <summary><c>pubsub_patterns</c> in <c>INFO</c> and <c>PUBSUB NUMPAT</c>: patterns with at least one subscriber.</summary>
    public int PatternCount => _patterns.Subscribers.Count;

    /// <summary><c>pubsubshard_channels</c> in <c>INFO</c>: shard channels with at least one subscriber.</summary>
    public int ShardChannelCount => _shardChannels.Subscribers.Count;

    /// <summary><c>SUBSCRIBE</c>: one confirmation per channel, each with the connection's count after it.</summary>
    public Reply Subscribe(ClientSession session, byte[][] channels) => Add(session, channels, _channels);

    /// <summary><c>PSUBSCRIBE</c>.</summary>
    public Reply PSubscribe(ClientSession session, byte[][] patterns) => Add(session, patterns, _patterns);

    /// <summary><c>SSUBSCRIBE</c>.</summary>
    public Reply SSubscribe(ClientSession session, byte[][] channels) => Add(session, channels, _shardChannels);

    /// <summary><c>UNSUBSCRIBE</c>: from the channels named, or from every one when none is.</summary>
    public Reply Unsubscribe(ClientSession session, byte[][] channels) => Drop(session, channels, _channels);

    /// <summary><c>PUNSUBSCRIBE</c>.</summary>
    public Reply PUnsubscribe(ClientSession session, byte[][] patterns) => Drop(session, patterns, _patterns);

    /// <summary><c>SUNSUBSCRIBE</c>.</summary>
    public Reply SUnsubscribe(ClientSession session, byte[][] channels) => Drop(session, channels, _shardChannels);

    /// <summary>
    /// Drops every subscription of <paramref name="session"/> without a confirmation: when its connection closes
    /// (Redis's <c>freeClient</c>) or it sends <c>RESET</c>.
    /// </summary>
    public void UnsubscribeAll(ClientSession session)
    {
        if (session.Subscriptions is not { } own)
        {
            return;
        }

        foreach (var kind in (ReadOnlySpan<Kind>)[_channels, _patterns, _shardChannels])
        {
            foreach (var name in kind.Own(own).ToArray())
            {
                Remove(session, own, kind, name);
            }
        }

        session.SetSubscriber(false);
    }

    /// <summary>
    /// <c>PUBLISH</c>: sends <paramref name="message"/> to every subscriber of <paramref name="channel"/> and of each
    /// pattern it matches, and returns how many messages went out (a connection subscribed both ways counts twice).
    /// </summary>
    /// <remarks>The bytes may be slices of a request: every message is encoded before this returns.</remarks>
    public int Publish(ReadOnlyMemory<byte> channel, ReadOnlyMemory<byte> message)
    {
        var receivers = Deliver(_channels, channel, message, MessageWord);
        if (_patterns.Subscribers.Count == 0)
        {
            return receivers;
        }

        foreach (var (pattern, subscribers) in _patterns.Subscribers)
        {
            if (!GlobPattern.IsMatch(pattern, channel.Span))
            {
                continue;
            }

            var push = Reply.Push([PMessageWord, Reply.Bulk(pattern), Reply.Bulk(channel), Reply.Bulk(message)]);
            foreach (var subscriber in subscribers)
            {
                subscriber.Connection?.Deliver(push);
                receivers++;
            }
        }

        return receivers;
    }

    /// <summary><c>SPUBLISH</c>: to the shard channel's subscribers only; patterns never see shard messages.</summary>
    public int PublishShard(ReadOnlyMemory<byte> channel, ReadOnlyMemory<byte> message) =>
        Deliver(_shardChannels, channel, message, SMessageWord);

    /// <summary><c>PUBSUB CHANNELS</c>: the channels with subscribers, those matching <paramref name="pattern"/> when one is given.</summary>
    public List<byte[]> Channels(ReadOnlySpan<byte> pattern, bool matchAll) => List(_channels, pattern, matchAll);

    /// <summary><c>PUBSUB SHARDCHANNELS</c>.</summary>
    public List<byte[]> ShardChannels(ReadOnlySpan<byte> pattern, bool matchAll) => List(_shardChannels, pattern, matchAll);

    /// <summary><c>PUBSUB NUMSUB</c>: the channel's subscribers, not counting pattern subscriptions.</summary>
    public int SubscriberCount(ReadOnlySpan<byte> channel) =>
        _channels.Lookup.TryGetValue(channel, out var subscribers) ? subscribers.Count : 0;

    /// <summary><c>PUBSUB SHARDNUMSUB</c>.</summary>
    public int ShardSubscriberCount(ReadOnlySpan<byte> channel) =>
        _shardChannels.Lookup.TryGetValue(channel, out var subscribers) ? subscribers.Count : 0;

    private static int Deliver(Kind kind, ReadOnlyMemory<byte> channel, ReadOnlyMemory<byte> message, Reply word)
    {
        if (kind.Subscribers.Count == 0 || !kind.Lookup.TryGetValue(channel.Span, out var subscribers))
        {
            return 0;
        }

        var push = Reply.Push([word, Reply.Bulk(channel), Reply.Bulk(message)]);
        foreach (var subscriber in subscribers)
        {
            subscriber.Connection?.Deliver(push);
        }

        return subscribers.Count;
    }

    private static List<byte[]> List(Kind kind, ReadOnlySpan<byte> pattern, bool matchAll)
    {
        var names = new List<byte[]>();
        foreach (var name in kind.Subscribers.Keys)
        {
            if (matchAll || GlobPattern.IsMatch(pattern, name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Redis's <c>pubsubSubscribeChannel</c> and <c>pubsubSubscribePattern</c> for each name, then <c>CLIENT_PUBSUB</c>.</summary>
    private static Reply Add(ClientSession session, byte[][] names, Kind kind)
    {
        var own = session.Subscriptions ??= new ClientSubscriptions();
        var confirmations = new Reply[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (kind.Own(own).Add(name))
            {
                if (!kind.Subscribers.TryGetValue(name, out var subscribers))
                {
                    subscribers = [];
                    kind.Subscribers.Add(name, subscribers);
                }

                subscribers.Add(session);
            }

            confirmations[i] = Reply.Push([kind.SubscribeWord, Reply.Bulk(name), Reply.Integer(Count(own, kind))]);
        }

        session.SetSubscriber(true);
        return Reply.Pushes(confirmations);
    }

    /// <summary>Redis's <c>unsubscribeCommand</c> and its kin: the names given, or all (a null name when there were none); then <c>CLIENT_PUBSUB</c> is cleared at 0.</summary>
    private static Reply Drop(ClientSession session, byte[][] names, Kind kind)
    {
        var own = session.Subscriptions ??= new ClientSubscriptions();
        var all = names.Length == 0;
        if (all)
        {
            names = kind.Own(own).ToArray();
        }

        var confirmations = new List<Reply>(Math.Max(names.Length, 1));
        foreach (var name in names)
        {
            Remove(session, own, kind, name);
            confirmations.Add(Reply.Push([kind.UnsubscribeWord, Reply.Bulk(name), Reply.Integer(Count(own, kind))]));
        }

        if (all && confirmations.Count == 0)
        {
            confirmations.Add(Reply.Push([kind.UnsubscribeWord, Reply.Nil, Reply.Integer(Count(own, kind))]));
        }

        if (own.Channels.Count + own.Patterns.Count + own.ShardChannels.Count == 0)
        {
            session.SetSubscriber(false);
        }

        return Reply.Pushes([.. confirmations]);
    }

    private static void Remove(ClientSession session, ClientSubscriptions own, Kind kind, byte[] name)
    {
        if (!kind.Own(own).Remove(name))
        {
            return;
        }

        var subscribers = kind.Subscribers[name];
        subscribers.Remove(session);
        if (subscribers.Count == 0)
        {
            // Redis drops the entry with its last subscriber, so abandoned channels cost nothing.
            kind.Subscribers.Remove(name);
        }
    }

    /// <summary>Redis's <c>clientSubscriptionsCount</c> (channels and patterns together) or <c>clientShardSubscriptionsCount</c>.</summary>
    private static long Count(ClientSubscriptions own, Kind kind) =>
        kind.Shard ? own.ShardChannels.Count : own.Channels.Count + own.Patterns.Count;

    /// <summary>One namespace of names (channels, patterns or shard channels): its words, its table, the connection's own set.</summary>
    private sealed class Kind(Reply subscribeWord, Reply unsubscribeWord, Func<ClientSubscriptions, SubscriptionSet> own, bool shard)
    {
        public Reply SubscribeWord { get; } = subscribeWord;

        public Reply UnsubscribeWord { get; } = unsubscribeWord;

        public Func<ClientSubscriptions, SubscriptionSet> Own { get; } = own;

        public bool Shard { get; } = shard;

        /// <summary>Name → subscribers in the order they subscribed.</summary>
        public Dictionary<byte[], List<ClientSession>> Subscribers { get; } = new(ByteKeyComparer.Instance);

        public Dictionary<byte[], List<ClientSession>>.AlternateLookup<ReadOnlySpan<byte>> Lookup =>
            Subscribers.GetAlternateLookup<ReadOnlySpan<byte>>();
    }
}
