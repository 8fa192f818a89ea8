using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Ping;

public sealed class PingCommandHandler : IRequestHandler<PingCommand, Reply>
{
    public ValueTask<Reply> Handle(PingCommand request, CancellationToken cancellationToken) =>
        new(request.Message is null ? Reply.Pong : Reply.Bulk(request.Message));
}
