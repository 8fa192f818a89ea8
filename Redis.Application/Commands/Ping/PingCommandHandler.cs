using Mediator;
using Redis.Protocol;

namespace Redis.Application.Commands.Ping;

/// <summary>Redis's <c>pingCommand</c>, with its pub/sub form for a RESP2 subscriber.</summary>
public sealed class PingCommandHandler : IRequestHandler<PingCommand, Reply>
{
    private static readonly Reply PongWord = Reply.Bulk("pong");
    private static readonly Reply SubscriberPong = Reply.Array([PongWord, Reply.Bulk(string.Empty)]);

    public ValueTask<Reply> Handle(PingCommand request, CancellationToken cancellationToken) => new(request switch
    {
        { Subscriber: true, Message: null } => SubscriberPong,
        { Subscriber: true } => Reply.Array([PongWord, Reply.Bulk(request.Message)]),
        { Message: null } => Reply.Pong,
        _ => Reply.Bulk(request.Message),
    });
}
