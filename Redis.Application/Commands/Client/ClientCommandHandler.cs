using System.Globalization;
using System.Text;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Client;

/// <summary>Answers about, names, kills and pauses connections, and sets the reply mode of the one that asks.</summary>
/// <remarks>
/// <para>
/// <c>CLIENT INFO</c> and <c>CLIENT LIST</c> print Redis 7.0.15's <c>key=value</c> line (<c>catClientInfoString</c>), its
/// fields in its order, filled from the session and from the transport's connection behind it
/// (<see cref="IClientConnection"/>: fd, buffers, events, idle). Redis 7.2's <c>lib-name</c> and <c>lib-ver</c> follow
/// <c>resp</c>, as 7.2 prints them, because clients send <c>CLIENT SETINFO</c>; a parser splitting on spaces and
/// <c>=</c> reads them like any other field. <c>CLIENT LIST</c> walks the open sessions; the one asking shows
/// <c>cmd=client|list</c>, the others their last command (<c>NULL</c> before the first, as Redis shows it).
/// </para>
/// <para>
/// <c>CLIENT KILL</c> closes every other matching connection at once (Redis's <c>freeClient</c>) and marks the asking
/// one, when it matches, to close once this reply is queued (<c>CLIENT_CLOSE_AFTER_REPLY</c>).
/// </para>
/// </remarks>
public sealed class ClientCommandHandler(
    ClientRegistry clients,
    ClientPause pause,
    BlockedClients blocked,
    IServerSettings settings,
    CommandTable table,
    ErrorStatistics errors,
    TimeProvider time) : IRequestHandler<ClientCommand, Reply>
{
    /// <summary>What the transport logs for a connection <c>CLIENT KILL</c> closed.</summary>
    private const string KilledReason = "killed by CLIENT KILL";

    private readonly string _localAddress =
        $"{settings.Parameters.FirstOrDefault(p => p.Key == "bind").Value ?? "127.0.0.1"}:{settings.GetInt64("port", 6379)}";

    public ValueTask<Reply> Handle(ClientCommand request, CancellationToken cancellationToken)
    {
        var client = request.Session;
        return new(request.Subcommand switch
        {
            ClientSubcommand.Id => Reply.Integer(client.Id),
            ClientSubcommand.GetName => client.Name is { } name ? Reply.Bulk(name) : Reply.Nil,
            ClientSubcommand.SetName => Set(request, value => client.Name = value),
            ClientSubcommand.SetLibraryName => Set(request, value => client.LibraryName = value),
            ClientSubcommand.SetLibraryVersion => Set(request, value => client.LibraryVersion = value),
            ClientSubcommand.Info => Reply.Verbatim(Describe(client, request)),
            ClientSubcommand.List => Reply.Verbatim(List(request)),
            ClientSubcommand.Kill => Kill(request),
            ClientSubcommand.Pause => Pause(request),
            ClientSubcommand.Unpause => Unpause(),
            ClientSubcommand.Unblock => Unblock(request),
            ClientSubcommand.ReplyOn => Do(client.ReplyOn),
            ClientSubcommand.ReplyOff => Do(client.ReplyOff),
            ClientSubcommand.ReplySkip => Do(client.ReplySkip),
            ClientSubcommand.NoEvictOn => Do(() => client.NoEvict = true),
            ClientSubcommand.NoEvictOff => Do(() => client.NoEvict = false),
            _ => Help(),
        });
    }

    private static Reply Do(Action action)
    {
        action();
        return Reply.Ok;
    }

    /// <summary>
    /// Stores a name or library attribute once it passes Redis's <c>validateClientName</c> rule, which Redis checks as
    /// the subcommand runs (<c>clientSetName</c>, <c>clientSetinfoCommand</c>), as <c>HELLO ... SETNAME</c> does.
    /// </summary>
    private static Reply Set(ClientCommand request, Action<byte[]?> assign)
    {
        if (!ClientSession.IsValidAttribute(request.Value))
        {
            return request.Subcommand == ClientSubcommand.SetName ? Errors.InvalidClientName : Errors.InvalidClientAttribute(request.Attribute);
        }

        assign(request.Value);
        return Reply.Ok;
    }

    /// <summary>Redis's <c>getAllClientsInfoString</c>, or the listed ids in the order given (an id twice, listed twice).</summary>
    private string List(ClientCommand request)
    {
        var text = new StringBuilder();
        if (request.Ids is { } ids)
        {
            foreach (var id in ids)
            {
                if (clients.Sessions.FirstOrDefault(s => s.Id == id) is { } session)
                {
                    text.Append(Describe(session, request));
                }
            }

            return text.ToString();
        }

        foreach (var session in clients.Sessions)
        {
            if (request.Type is null || request.Type == TypeOf(session))
            {
                text.Append(Describe(session, request));
            }
        }

        return text.ToString();
    }

    private Reply Kill(ClientCommand request)
    {
        var filter = request.Kill!;
        var self = request.Session;
        var matched = clients.Sessions.Where(s => Matches(s, filter, self)).ToArray();
        foreach (var session in matched)
        {
            if (session == self)
            {
                self.CloseAfterReply = true;
            }
            else
            {
                session.Connection?.Close(KilledReason);
            }
        }

        if (filter.OldForm)
        {
            return matched.Length == 0 ? Errors.NoSuchClient : Reply.Ok;
        }

        return Reply.Integer(matched.Length);
    }

    private bool Matches(ClientSession session, ClientKillFilter filter, ClientSession self) =>
        (filter.Address is null || filter.Address == PeerAddress(session)) &&
        (filter.LocalAddress is null || filter.LocalAddress == LocalAddress(session)) &&
        (filter.Type is null || filter.Type == TypeOf(session)) &&
        (filter.Id == 0 || filter.Id == session.Id) &&
        !(session == self && filter.SkipMe);

    /// <summary>
    /// <c>getTimeoutFromObjectOrReply</c> adds now to a positive timeout, wrapping as C does: a timeout that overflows
    /// ends in the past, and so does 0, so such a pause ends at once.
    /// </summary>
    private Reply Pause(ClientCommand request)
    {
        var endsAt = request.PauseMilliseconds > 0 ? unchecked(request.PauseMilliseconds + time.GetUnixMilliseconds()) : 0;
        pause.Pause(endsAt, request.PauseKind);
        return Reply.Ok;
    }

    private Reply Unpause()
    {
        pause.Unpause();
        return Reply.Ok;
    }

    /// <summary>
    /// Redis's <c>CLIENT UNBLOCK</c>: 1 when the client was blocked by a blocking command, which then answers its timeout
    /// reply or the <c>UNBLOCKED</c> error after this command; 0 for any other id. A client that <c>CLIENT PAUSE</c>
    /// holds is not unblocked.
    /// </summary>
    /// <remarks>
    /// The <c>UNBLOCKED</c> error counts now, as Redis adds it to the target's replies inside this command: so
    /// <c>client|unblock</c> takes a <c>failed_calls</c> for it. The blocked command takes one too, for either reason,
    /// as Redis 7.0's <c>updateStatsOnUnblock(target, 0, 0, 1)</c> does.
    /// </remarks>
    private Reply Unblock(ClientCommand request)
    {
        var target = clients.Sessions.FirstOrDefault(s => s.Id == request.UnblockId);
        var reply = request.UnblockWithError ? Errors.Unblocked : Reply.NullArray;
        if (target is null || !blocked.Resolve(target, reply))
        {
            return Reply.Zero;
        }

        errors.Count(reply);
        if (target.LastCommand is { } name && table.TryFind(Encoding.ASCII.GetBytes(name), out var binder))
        {
            binder.Spec.Counters.FailedCalls++;
        }

        return Reply.One;
    }

    /// <summary>Redis's <c>getClientType</c>: the master's link, a replica, a subscriber, or a normal client.</summary>
    private static ClientType TypeOf(ClientSession session) =>
        session.IsMaster ? ClientType.Master : session.IsReplica ? ClientType.Replica : session.IsSubscriber ? ClientType.PubSub : ClientType.Normal;

    private static string PeerAddress(ClientSession session) => session.RemoteAddress ?? "?:0";

    private string LocalAddress(ClientSession session) => session.LocalAddress ?? _localAddress;

    /// <summary>Redis's <c>catClientInfoString</c> and the line end <c>CLIENT LIST</c>/<c>INFO</c> add.</summary>
    private string Describe(ClientSession client, ClientCommand request)
    {
        static string Text(byte[]? value) => value is null ? string.Empty : Encoding.UTF8.GetString(value);

        var asking = client == request.Session;
        var connection = client.Connection;
        var command = asking ? request.Subcommand == ClientSubcommand.Info ? "client|info" : "client|list" : client.LastCommand ?? "NULL";
        var argvMemory = asking ? request.ArgumentBytes : 0;
        long queryLength = connection?.QueryBufferLength ?? 0, queryFree = connection?.QueryBufferFree ?? 0;
        long replyBuffer = connection?.ReplyBufferSize ?? 0, outputLength = connection?.OutputBufferLength ?? 0;
        var outputMemory = connection?.OutputMemory ?? 0;
        var totalMemory = queryLength + queryFree + argvMemory + replyBuffer + outputMemory;
        var idle = asking || connection is null ? 0 : connection.IdleMilliseconds / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"id={client.Id} addr={PeerAddress(client)} laddr={LocalAddress(client)} fd={connection?.Fd ?? -1} " +
            $"name={Text(client.Name)} age={client.AgeSeconds} idle={idle} flags={Flags(client)} db={client.Database} sub={client.ChannelSubscriptionCount} psub={client.PatternSubscriptionCount} ssub={client.ShardChannelSubscriptionCount} multi={client.Transaction.QueuedCount} " +
            $"qbuf={queryLength} qbuf-free={queryFree} argv-mem={argvMemory} multi-mem=0 rbs={replyBuffer} rbp={replyBuffer} " +
            $"obl={outputLength} oll=0 omem={outputMemory} tot-mem={totalMemory} events={connection?.Events ?? "r"} " +
            $"cmd={command} user=default redir=-1 resp={(int)client.Protocol} lib-name={Text(client.LibraryName)} lib-ver={Text(client.LibraryVersion)}\n");
    }

    /// <summary>
    /// The letters of <c>catClientInfoString</c> that apply here, in its order (<c>O</c> for a monitor, <c>P</c>, <c>x</c> inside MULTI, <c>b</c>, <c>d</c>
    /// once a watched key changed, <c>c</c>, <c>e</c>); <c>N</c> when none does.
    /// </summary>
    private static string Flags(ClientSession client)
    {
        var transaction = client.Transaction;
        var flags = (client.IsReplica ? "S" : string.Empty) + (client.IsMaster ? "M" : string.Empty) + (client.IsMonitor ? "O" : string.Empty) + (client.IsSubscriber ? "P" : string.Empty) + (transaction.InMulti ? "x" : string.Empty) + (client.IsPostponed || client.Block is not null ? "b" : string.Empty) +
            (transaction.IsWatchedKeyTouched ? "d" : string.Empty) + (client.CloseAfterReply ? "c" : string.Empty) +
            (client.NoEvict ? "e" : string.Empty);
        return flags.Length == 0 ? "N" : flags;
    }

    /// <summary>Redis's <c>addReplyHelp</c> layout, built from the subcommands' specs in the command table.</summary>
    private Reply Help()
    {
        table.TryFind("client"u8, out var binder);
        var lines = new List<Reply> { Reply.Simple("CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:") };
        foreach (var subcommand in binder.Spec.Subcommands)
        {
            var name = subcommand.Name[(subcommand.Name.IndexOf('|', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
            var doc = subcommand.Doc!;
            lines.Add(Reply.Simple(doc.Arguments.Length == 0 ? name : $"{name} {doc.Arguments}"));
            lines.Add(Reply.Simple("    " + doc.Summary + "."));
        }

        return Reply.Array([.. lines]);
    }
}
