using Mediator;
using Redis.Application.Common;
using Redis.Protocol;

namespace Redis.Application.Commands.Reset;

/// <summary>Redis's <c>resetCommand</c>: every connection here is a normal client, so it always answers <c>+RESET</c>.</summary>
public sealed class ResetCommandHandler(DefaultUser user) : IRequestHandler<ResetCommand, Reply>
{
    private static readonly Reply ResetReply = Reply.Simple("RESET");

    public ValueTask<Reply> Handle(ResetCommand request, CancellationToken cancellationToken)
    {
        request.Session.Reset(user.RequiresPassword);
        return new(ResetReply);
    }
}
