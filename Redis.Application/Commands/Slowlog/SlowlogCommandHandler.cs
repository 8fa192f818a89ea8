using Mediator;
using Redis.Application.Common;
using Redis.Protocol;

namespace Redis.Application.Commands.Slowlog;

/// <summary>Answers from the server's <see cref="SlowLog"/> as Redis's <c>slowlogCommand</c> does.</summary>
public sealed class SlowlogCommandHandler(SlowLog slowLog) : IRequestHandler<SlowlogCommand, Reply>
{
    private static readonly Reply HelpReply = HelpText.For(
        "slowlog",
        "GET [<count>]",
        "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
        "    Entries are made of:",
        "    id, timestamp, time in microseconds, arguments array, client IP and port,",
        "    client name",
        "LEN",
        "    Return the length of the slowlog.",
        "RESET",
        "    Reset the slowlog.");

    public ValueTask<Reply> Handle(SlowlogCommand request, CancellationToken cancellationToken)
    {
        switch (request.Subcommand)
        {
            case SlowlogSubcommand.Len:
                return new(Reply.Integer(slowLog.Count));
            case SlowlogSubcommand.Reset:
                slowLog.Reset();
                return new(Reply.Ok);
            case SlowlogSubcommand.Help:
                return new(HelpReply);
        }

        var count = request.Count == -1 ? slowLog.Count : request.Count;
        var entries = new List<Reply>();
        foreach (var entry in slowLog.Entries)
        {
            if (entries.Count >= count)
            {
                break;
            }

            entries.Add(Reply.Array([
                Reply.Integer(entry.Id),
                Reply.Integer(entry.UnixSeconds),
                Reply.Integer(entry.Microseconds),
                Reply.Array([.. entry.Arguments.Select(a => Reply.Bulk(a))]),
                Reply.Bulk(entry.ClientAddress),
                Reply.Bulk(entry.ClientName)]));
        }

        return new(Reply.Array([.. entries]));
    }
}
