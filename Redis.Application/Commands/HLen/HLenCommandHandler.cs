using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HLen;

/// <summary>The number of fields; 0 for a missing key.</summary>
public sealed class HLenCommandHandler(TimeProvider time) : IRequestHandler<HLenCommand, Reply>
{
    public ValueTask<Reply> Handle(HLenCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash) == KeyLookup.WrongType
            ? Errors.WrongType
            : Reply.Integer(hash?.Count ?? 0));
}
