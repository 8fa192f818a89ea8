using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.PUnsubscribe;

/// <summary>Redis's <c>punsubscribeCommand</c>, through <see cref="PubSubRegistry.PUnsubscribe"/>.</summary>
public sealed class PUnsubscribeCommandHandler(PubSubRegistry pubSub) : IRequestHandler<PUnsubscribeCommand, Reply>
{
    public ValueTask<Reply> Handle(PUnsubscribeCommand request, CancellationToken cancellationToken) =>
        new(pubSub.PUnsubscribe(request.Session, request.Patterns));
}
