using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.DbSize;

/// <summary>The number of keys, counting expired keys not yet reclaimed, as Redis's <c>dbsizeCommand</c> does.</summary>
public sealed class DbSizeCommandHandler : IRequestHandler<DbSizeCommand, Reply>
{
    public ValueTask<Reply> Handle(DbSizeCommand request, CancellationToken cancellationToken) =>
        new(Reply.Integer(request.Keyspace.Count));
}
