using Mediator;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.DbSize;

/// <summary>The number of keys, counting expired keys not yet reclaimed, as Redis's <c>dbsizeCommand</c> does.</summary>
public sealed class DbSizeCommandHandler(Keyspace keyspace) : IRequestHandler<DbSizeCommand, Reply>
{
    public ValueTask<Reply> Handle(DbSizeCommand request, CancellationToken cancellationToken) =>
        new(Reply.Integer(keyspace.Count));
}
