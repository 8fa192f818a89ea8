using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.SUnsubscribe;

/// <summary>Redis's <c>sunsubscribeCommand</c>, through <see cref="PubSubRegistry.SUnsubscribe"/>.</summary>
public sealed class SUnsubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<SUnsubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(SUnsubscribeCommand request, CancellationToken cancellationToken) =>
        new(pubSub.SUnsubscribe(request.Session, request.Channels));
}
