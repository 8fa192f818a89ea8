using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Hello;

/// <summary>Applies AUTH and SETNAME in order, switches the connection's protocol, then answers the server's properties as a map.</summary>
/// <remarks>
/// AUTH checks the <c>default</c> user as the <c>AUTH</c> command does: without <c>requirepass</c>, <c>default</c>
/// with any password succeeds and any other user is refused. As in Redis 7.0, the options take effect one by one
/// (a SETNAME before a failed AUTH still names the connection), and only then must the connection be authenticated.
/// The protocol switches last, so the map is already in the new protocol and <c>proto</c> names it; a RESP2
/// connection gets the map as a flat array.
/// </remarks>
public sealed class HelloCommandHandler(DefaultUser user) : IRequestHandler<HelloCommand, Reply>
{
    private static readonly Reply[] Head =
    [
        Reply.Bulk("server"), Reply.Bulk("redis"),
        Reply.Bulk("version"), Reply.Bulk(RedisCompatibility.Version),
        Reply.Bulk("proto"),
    ];

    private static readonly Reply[] Tail =
    [
        Reply.Bulk("mode"), Reply.Bulk("standalone"),
        Reply.Bulk("role"), Reply.Bulk("master"),
        Reply.Bulk("modules"), Reply.EmptyArray,
    ];

    public ValueTask<Reply> Handle(HelloCommand request, CancellationToken cancellationToken)
    {
        var client = request.Session;
        foreach (var option in request.Options)
        {
            if (option.IsAuth)
            {
                if (!user.Accepts(option.Value, option.Password))
                {
                    return new(Errors.WrongPass);
                }

                client.Authenticate();
            }

            if (!option.IsAuth)
            {
                if (!ClientSession.IsValidAttribute(option.Value))
                {
                    return new(Errors.InvalidClientName);
                }

                client.Name = option.Value;
            }
        }

        if (request.UnknownOption is { } unknown)
        {
            return new(Errors.HelloSyntax(unknown));
        }

        if (!client.IsAuthenticated)
        {
            return new(Errors.HelloNoAuth);
        }

        if (request.Protocol is { } protocol)
        {
            client.Protocol = protocol;
        }

        return new(Reply.Map([.. Head, Reply.Integer((long)client.Protocol), Reply.Bulk("id"), Reply.Integer(client.Id), .. Tail]));
    }
}
