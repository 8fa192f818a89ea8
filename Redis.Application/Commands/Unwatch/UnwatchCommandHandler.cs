using Mediator;
using Redis.Protocol;

namespace Redis.Application.Commands.Unwatch;

/// <summary>Redis's <c>unwatchCommand</c>.</summary>
public sealed class UnwatchCommandHandler : IRequestHandler<UnwatchCommand, Reply>
{
    public ValueTask<Reply> Handle(UnwatchCommand request, CancellationToken cancellationToken)
    {
        request.Session.Transaction.UnwatchAll();
        return new(Reply.Ok);
    }
}
