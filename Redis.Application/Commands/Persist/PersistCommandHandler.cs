using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Persist;

/// <summary>1 when a TTL was removed; 0 when the key is missing or had none.</summary>
public sealed class PersistCommandHandler(TimeProvider time) : IRequestHandler<PersistCommand, Reply>
{
    public ValueTask<Reply> Handle(PersistCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Persist(request.Key.Span, time.GetUnixMilliseconds()) ? Reply.One : Reply.Zero);
}
