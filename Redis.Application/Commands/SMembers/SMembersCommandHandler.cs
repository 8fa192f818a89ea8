using Mediator;
using Redis.Application.Commands.SetAlgebra;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SMembers;

/// <summary>Every member, as a RESP3 set; an empty one for a missing key (Redis 7.0 runs SMEMBERS as a one-key SINTER).</summary>
public sealed class SMembersCommandHandler(TimeProvider time) : IRequestHandler<SMembersCommand, Reply>
{
    public ValueTask<Reply> Handle(SMembersCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set) switch
        {
            KeyLookup.Found => SetAlgebraSupport.Members(set!),
            KeyLookup.WrongType => Errors.WrongType,
            _ => SetAlgebraSupport.EmptySet,
        });
}
