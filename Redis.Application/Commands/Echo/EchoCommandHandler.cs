using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Echo;

public sealed class EchoCommandHandler : IRequestHandler<EchoCommand, Reply>
{
    public ValueTask<Reply> Handle(EchoCommand request, CancellationToken cancellationToken) =>
        new(Reply.Bulk(request.Message));
}
