using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Select;

public sealed class SelectCommandHandler : IRequestHandler<SelectCommand, Reply>
{
    public ValueTask<Reply> Handle(SelectCommand request, CancellationToken cancellationToken) =>
        new(request.Index == 0 ? Reply.Ok : Errors.DbIndexOutOfRange);
}
