using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.Publish;

/// <summary>Redis's <c>publishCommand</c>: the number of connections the message was queued for.</summary>
public sealed class PublishCommandHandler(PubSubRegistry pubSub) : IRequestHandler<PublishCommand, Reply>
{
    public ValueTask<Reply> Handle(PublishCommand request, CancellationToken cancellationToken) =>
        new(Reply.Integer(pubSub.Publish(request.Channel, request.Message)));
}
