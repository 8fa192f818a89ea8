using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.Subscribe;

/// <summary>Redis's <c>subscribeCommand</c>, through <see cref="PubSubRegistry.Subscribe"/>.</summary>
public sealed class SubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<SubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(SubscribeCommand request, CancellationToken cancellationToken) =>
        new(pubSub.Subscribe(request.Session, request.Channels));
}
