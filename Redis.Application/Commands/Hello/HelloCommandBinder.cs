using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Hello;

/// <remarks>
/// Mirrors Redis 7.0's <c>helloCommand</c>: the protocol version is checked first; then options are applied one by one,
/// so an AUTH or SETNAME before a bad option still takes effect (the handler replays that order). Two protocols
/// are spoken, 2 and 3; any other integer gets <c>NOPROTO</c>. The switch itself happens in the handler, once every option
/// took effect and the connection is authenticated.
/// </remarks>
internal sealed class HelloCommandBinder : ICommandBinder
{

    public CommandSpec Spec { get; } = new("hello", -1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"])
    {
        Doc = new(
            "[protover [AUTH username password] [SETNAME clientname]]",
            "Handshake with Redis",
            "connection"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        RespVersion? protocol = null;
        if (args.HasMore)
        {
            if (!args.TryNextInt64(out var version))
            {
                return Errors.HelloProtocolNotAnInteger;
            }

            if (version is not ((long)RespVersion.Resp2 or (long)RespVersion.Resp3))
            {
                return Errors.NoProto;
            }

            protocol = (RespVersion)version;
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
                return new BindResult(new HelloCommand(args.Session, protocol, [.. options], args.NextBytes()));
            }
        }

        return new BindResult(new HelloCommand(args.Session, protocol, [.. options]));
    }
}
