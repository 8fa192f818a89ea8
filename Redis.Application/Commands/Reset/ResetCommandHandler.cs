using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.Reset;

/// <summary>
/// Redis's <c>resetCommand</c>: every connection here is a normal client, so it always answers <c>+RESET</c>. As
/// <c>clearClientConnectionState</c> does, it drops every subscription without a confirmation, then the rest of the state.
/// </summary>
public sealed class ResetCommandHandler(DefaultUser user, PubSubRegistry pubSub) : IRequestHandler<ResetCommand, Reply>
{
    private static readonly Reply ResetReply = Reply.Simple("RESET");

    public ValueTask<Reply> Handle(ResetCommand request, CancellationToken cancellationToken)
    {
        pubSub.UnsubscribeAll(request.Session);
        request.Session.Reset(user.RequiresPassword);
        return new(ResetReply);
    }
}
