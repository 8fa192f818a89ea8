using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.SwapDb;

/// <summary>
/// Exchanges the keys of two databases, as Redis's <c>dbSwapDatabases</c> does: connections keep their index and see
/// the other contents; watches stay with their database and are marked by the <c>touchAllWatchedKeysInDb</c> rule
/// (see <see cref="Databases.Swap"/>). O(1), plus the watched keys.
/// </summary>
public sealed class SwapDbCommandHandler(Databases databases, TimeProvider time) : IRequestHandler<SwapDbCommand, Reply>
{
    public ValueTask<Reply> Handle(SwapDbCommand request, CancellationToken cancellationToken)
    {
        if (!databases.Contains(request.First) || !databases.Contains(request.Second))
        {
            return new(Errors.DbIndexOutOfRange);
        }

        databases.Swap(request.First, request.Second, time.GetUnixMilliseconds());
        return new(Reply.Ok);
    }
}
