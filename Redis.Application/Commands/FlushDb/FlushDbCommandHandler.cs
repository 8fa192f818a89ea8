using Mediator;
using Redis.Protocol;

namespace Redis.Application.Commands.FlushDb;

/// <summary>Removes every key of the selected database, marking that database's watches; O(n), as in Redis.</summary>
public sealed class FlushDbCommandHandler : IRequestHandler<FlushDbCommand, Reply>
{
    public ValueTask<Reply> Handle(FlushDbCommand request, CancellationToken cancellationToken)
    {
        request.Keyspace.Clear();
        return new(Reply.Ok);
    }
}
