using Mediator;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.FlushDb;

/// <summary>Removes every key of every database, marking every watch of a stored key; O(n), as in Redis.</summary>
public sealed class FlushAllCommandHandler(Databases databases) : IRequestHandler<FlushAllCommand, Reply>
{
    public ValueTask<Reply> Handle(FlushAllCommand request, CancellationToken cancellationToken)
    {
        databases.Clear();
        return new(Reply.Ok);
    }
}
