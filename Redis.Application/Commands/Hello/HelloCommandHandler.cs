using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Hello;

/// <summary>Applies AUTH and SETNAME in order, then answers the server's properties as the flat list RESP2 gives a map.</summary>
/// <remarks>
/// There are no users or passwords here, so AUTH behaves as a fresh Redis does with its <c>default</c> user and no
/// <c>requirepass</c>: <c>default</c> with any password succeeds, any other user is refused.
/// </remarks>
public sealed class HelloCommandHandler(ClientConnection client) : IRequestHandler<HelloCommand, Reply>
{
    private static readonly Reply[] Head =
    [
        Reply.Bulk("server"), Reply.Bulk("redis"),
        Reply.Bulk("version"), Reply.Bulk(RedisCompatibility.Version),
        Reply.Bulk("proto"), Reply.Integer(2),
        Reply.Bulk("id"),
    ];

    private static readonly Reply[] Tail =
    [
        Reply.Bulk("mode"), Reply.Bulk("standalone"),
        Reply.Bulk("role"), Reply.Bulk("master"),
        Reply.Bulk("modules"), Reply.EmptyArray,
    ];

    public ValueTask<Reply> Handle(HelloCommand request, CancellationToken cancellationToken)
    {
        foreach (var option in request.Options)
        {
            if (option.IsAuth && !option.Value.AsSpan().SequenceEqual("default"u8))
            {
                return new(Errors.WrongPass);
            }

            if (!option.IsAuth)
            {
                if (!ClientConnection.IsValidAttribute(option.Value))
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

        return new(Reply.Array([.. Head, Reply.Integer(client.Id), .. Tail]));
    }
}
