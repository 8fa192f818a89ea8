using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Discard;

/// <summary>Redis's <c>discardCommand</c>.</summary>
public sealed class DiscardCommandHandler : IRequestHandler<DiscardCommand, Reply>
{
    public ValueTask<Reply> Handle(DiscardCommand request, CancellationToken cancellationToken)
    {
        var transaction = request.Session.Transaction;
        if (!transaction.InMulti)
        {
            return new(Errors.DiscardWithoutMulti);
        }

        transaction.Discard();
        return new(Reply.Ok);
    }
}
