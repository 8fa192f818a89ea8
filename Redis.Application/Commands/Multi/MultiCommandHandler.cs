using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Multi;

/// <summary>Redis's <c>multiCommand</c>: a nested MULTI is an error that leaves the open transaction as it was.</summary>
public sealed class MultiCommandHandler : IRequestHandler<MultiCommand, Reply>
{
    public ValueTask<Reply> Handle(MultiCommand request, CancellationToken cancellationToken)
    {
        var transaction = request.Session.Transaction;
        if (transaction.InMulti)
        {
            return new(Errors.NestedMulti);
        }

        transaction.Begin();
        return new(Reply.Ok);
    }
}
