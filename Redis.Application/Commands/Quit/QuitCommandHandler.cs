using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Quit;

public sealed class QuitCommandHandler : IRequestHandler<QuitCommand, Reply>
{
    public ValueTask<Reply> Handle(QuitCommand request, CancellationToken cancellationToken) => new(Reply.OkThenClose);
}
