using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SIsMember;

/// <summary>1 when the member is in the set, 0 otherwise (a missing key too).</summary>
public sealed class SIsMemberCommandHandler(TimeProvider time) : IRequestHandler<SIsMemberCommand, Reply>
{
    public ValueTask<Reply> Handle(SIsMemberCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set) switch
        {
            KeyLookup.Found => set!.Contains(request.Member.Span) ? Reply.One : Reply.Zero,
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Zero,
        });
}
