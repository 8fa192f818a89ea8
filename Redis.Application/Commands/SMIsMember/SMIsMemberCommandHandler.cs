using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SMIsMember;

/// <summary>An array of 1 or 0, one per member; all 0 for a missing key.</summary>
public sealed class SMIsMemberCommandHandler(TimeProvider time) : IRequestHandler<SMIsMemberCommand, Reply>
{
    public ValueTask<Reply> Handle(SMIsMemberCommand request, CancellationToken cancellationToken)
    {
        if (request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set) == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var replies = new Reply[request.Members.Length];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = set is not null && set.Contains(request.Members[i].Span) ? Reply.One : Reply.Zero;
        }

        return new(Reply.Array(replies));
    }
}
