using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.RandomKey;

/// <summary>A uniformly random live key, or nil when there is none; O(1) (see <see cref="Keyspace.TryGetRandomKey"/>).</summary>
public sealed class RandomKeyCommandHandler(TimeProvider time) : IRequestHandler<RandomKeyCommand, Reply>
{
    public ValueTask<Reply> Handle(RandomKeyCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.TryGetRandomKey(time.GetUnixMilliseconds(), out var key) ? Reply.Bulk(key) : Reply.Nil);
}
