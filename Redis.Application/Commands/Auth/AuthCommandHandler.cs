using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Auth;

/// <summary>Authenticates the connection as the <c>default</c> user, as Redis 7's <c>authCommand</c> does.</summary>
/// <remarks>
/// The one-argument form is refused outright while there is no password, to flag a likely configuration mistake;
/// <c>AUTH default anything</c> then succeeds, as it does for Redis's <c>nopass</c> default user. A wrong user and a
/// wrong password get the same <c>WRONGPASS</c>, so a client cannot tell which was wrong.
/// </remarks>
public sealed class AuthCommandHandler(DefaultUser user) : IRequestHandler<AuthCommand, Reply>
{
    private static readonly ReadOnlyMemory<byte> DefaultUserName = "default"u8.ToArray();

    public ValueTask<Reply> Handle(AuthCommand request, CancellationToken cancellationToken)
    {
        if (request.Username is not { } username)
        {
            if (!user.RequiresPassword)
            {
                return new(Errors.AuthWithoutPassword);
            }

            username = DefaultUserName;
        }

        if (!user.Accepts(username.Span, request.Password.Span))
        {
            return new(Errors.WrongPass);
        }

        request.Session.Authenticate();
        return new(Reply.Ok);
    }
}
