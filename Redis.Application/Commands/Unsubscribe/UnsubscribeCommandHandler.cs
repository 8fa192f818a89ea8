using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.Unsubscribe;

/// <summary>Redis's <c>unsubscribeCommand</c>, through <see cref="PubSubRegistry.Unsubscribe"/>.</summary>
public sealed class UnsubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<UnsubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(UnsubscribeCommand request, CancellationToken cancellationToken) =>
        new(pubSub.Unsubscribe(request.Session, request.Channels));
}
