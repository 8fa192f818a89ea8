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

/// <summary>Answers about, and names, the connection that sends it; lists every open connection.</summary>
/// <remarks>
/// <c>CLIENT INFO</c> and <c>CLIENT LIST</c> print Redis's <c>key=value</c> line with the fields clients parse (id, addr,
/// laddr, name, age, db, flags, cmd, resp, lib-name, lib-ver); buffer and memory fields this server does not track
/// are 0. <c>CLIENT LIST</c> walks the open sessions; the one asking shows <c>cmd=client|list</c>, the others their
/// last command (<c>NULL</c> before the first, as Redis shows it).
/// <c>CLIENT SETINFO</c> is Redis 7.2's, which clients send at connect.
/// </remarks>
public sealed class ClientCommandHandler(
    ClientRegistry clients,
    IServerSettings settings,
    CommandTable table) : IRequestHandler<ClientCommand, Reply>
{
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
            ClientSubcommand.Info => Reply.Bulk(Describe(client, "client|info")),
            ClientSubcommand.List => Reply.Bulk(string.Concat(clients.Sessions.Select(s => Describe(s, s == client ? "client|list" : s.LastCommand ?? "NULL")))),
            _ => Help(),
        });
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

    private string Describe(ClientSession client, string command)
    {
        static string Text(byte[]? value) => value is null ? string.Empty : Encoding.UTF8.GetString(value);

        return string.Create(CultureInfo.InvariantCulture,
            $"id={client.Id} addr={client.RemoteAddress ?? "?:0"} laddr={client.LocalAddress ?? _localAddress} fd=-1 " +
            $"name={Text(client.Name)} age={client.AgeSeconds} idle=0 flags={Flags(client)} db={client.Database} sub=0 psub=0 ssub=0 multi={client.Transaction.QueuedCount} " +
            $"qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r " +
            $"cmd={command} user=default redir=-1 resp=2 lib-name={Text(client.LibraryName)} lib-ver={Text(client.LibraryVersion)}\n");
    }

    /// <summary>The <c>flags=</c> letters this server can show, in Redis's order (<c>getClientInfoString</c>): <c>x</c> inside MULTI, <c>d</c> once a watched key changed, <c>N</c> for none.</summary>
    private static string Flags(ClientSession client)
    {
        var transaction = client.Transaction;
        var flags = (transaction.InMulti ? "x" : string.Empty) + (transaction.IsWatchedKeyTouched ? "d" : string.Empty);
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
