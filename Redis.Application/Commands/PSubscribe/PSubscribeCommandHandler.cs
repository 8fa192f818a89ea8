using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.PSubscribe;

/// <summary>Redis's <c>psubscribeCommand</c>, through <see cref="PubSubRegistry.PSubscribe"/>.</summary>
public sealed class PSubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<PSubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(PSubscribeCommand request, CancellationToken cancellationToken) =>
        new(pubSub.PSubscribe(request.Session, request.Patterns));
}
