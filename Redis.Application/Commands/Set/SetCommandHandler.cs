using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Set;

public sealed class SetCommandHandler(Keyspace keyspace, TimeProvider time) : IRequestHandler<SetCommand, Reply>
{
    private static readonly Reply InvalidExpireTime = Reply.Error(Errors.InvalidExpireTime("set"));

    public ValueTask<Reply> Handle(SetCommand request, CancellationToken cancellationToken)
    {
        var expiresAt = Entry.NoExpiry;
        if (request.ExpireSeconds is { } seconds)
        {
            // The validator bounded seconds * 1000; adding "now" can still overflow, which Redis reports the same way.
            var now = time.GetUnixMilliseconds();
            if (seconds * 1000 > long.MaxValue - now)
            {
                return new(InvalidExpireTime);
            }

            expiresAt = now + (seconds * 1000);
        }

        keyspace.Set(request.Key.Span, request.Value.ToArray(), expiresAt);
        return new(Reply.Ok);
    }
}
