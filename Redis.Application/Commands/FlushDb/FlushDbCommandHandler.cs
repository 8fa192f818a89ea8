using Mediator;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.FlushDb;

/// <summary>Removes every key; O(n), as in Redis.</summary>
public sealed class FlushDbCommandHandler(Keyspace keyspace) : IRequestHandler<FlushDbCommand, Reply>
{
    public ValueTask<Reply> Handle(FlushDbCommand request, CancellationToken cancellationToken)
    {
        keyspace.Clear();
        return new(Reply.Ok);
    }
}
