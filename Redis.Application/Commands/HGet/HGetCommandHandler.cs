using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HGet;

/// <summary>The field's value (nil when missing), its length (0) or whether it exists (0 or 1); a missing key has no fields.</summary>
public sealed class HGetCommandHandler(TimeProvider time) : IRequestHandler<HGetCommand, Reply>
{
    public ValueTask<Reply> Handle(HGetCommand request, CancellationToken cancellationToken)
    {
        if (request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash) == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var value = Array.Empty<byte>();
        var found = hash is not null && hash.TryGetValue(request.Field.Span, out value);
        return new(request.Question switch
        {
            HGetQuestion.Value => found ? Reply.Bulk(value) : Reply.Nil,
            HGetQuestion.Length => Reply.Integer(value.Length),
            _ => found ? Reply.One : Reply.Zero,
        });
    }
}
