using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.SSubscribe;

/// <summary>Redis's <c>ssubscribeCommand</c>: refused inside a transaction, where Redis denies blocking to the client.</summary>
/// <remarks>Unlike SUBSCRIBE and PSUBSCRIBE, which Redis exempts inside MULTI for backward compatibility.</remarks>
public sealed class SSubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<SSubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(SSubscribeCommand request, CancellationToken cancellationToken) =>
        new(request.Session.Transaction.InMulti
            ? Errors.SubscribeDeniedBlocking("SSUBSCRIBE")
            : pubSub.SSubscribe(request.Session, request.Channels));
}
