using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Hello;

/// <remarks>
/// Mirrors Redis 7.0's <c>helloCommand</c>: the protocol version is checked first; then options are applied one by one,
/// so an AUTH or SETNAME before a bad option still takes effect (the handler replays that order). Only protocol 2
/// is spoken: <c>HELLO 3</c> gets the <c>NOPROTO</c> error a server without RESP3 gives, and clients such as
/// StackExchange.Redis and redis-py then carry on in RESP2.
/// </remarks>
internal sealed class HelloCommandBinder : ICommandBinder
{
    private const long SpokenProtocol = 2;

    public CommandSpec Spec { get; } = new("hello", -1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"])
    {
        Doc = new(
            "[protover [AUTH username password] [SETNAME clientname]]",
            "Handshake: answer the server's properties (only protocol 2 is spoken)",
            "connection"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (args.HasMore)
        {
            if (!args.TryNextInt64(out var protocol))
            {
                return Errors.HelloProtocolNotAnInteger;
            }

            if (protocol != SpokenProtocol)
            {
                return Errors.NoProto;
            }
        }

        var options = new List<HelloOption>();
        while (args.HasMore)
        {
            if (args.Remaining >= 3 && args.NextIs("AUTH"u8))
            {
                options.Add(new HelloOption(IsAuth: true, args.NextBytes(), args.NextBytes()));
            }
            else if (args.Remaining >= 2 && args.NextIs("SETNAME"u8))
            {
                options.Add(new HelloOption(IsAuth: false, args.NextBytes()));
            }
            else
            {
                return new BindResult(new HelloCommand(args.Session, [.. options], args.NextBytes()));
            }
        }

        return new BindResult(new HelloCommand(args.Session, [.. options]));
    }
}
