using Mediator;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Commands.SPublish;

/// <summary>Redis's <c>spublishCommand</c>: the number of connections the message was queued for.</summary>
public sealed class SPublishCommandHandler(PubSubRegistry pubSub) : IRequestHandler<SPublishCommand, Reply>
{
    public ValueTask<Reply> Handle(SPublishCommand request, CancellationToken cancellationToken) =>
        new(Reply.Integer(pubSub.PublishShard(request.Channel, request.Message)));
}
