using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SCard;

/// <summary>The number of members; 0 for a missing key.</summary>
public sealed class SCardCommandHandler(TimeProvider time) : IRequestHandler<SCardCommand, Reply>
{
    public ValueTask<Reply> Handle(SCardCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read<SetValue>(request.Key.Span, time.GetUnixMilliseconds(), out var set) switch
        {
            KeyLookup.Found => Reply.Integer(set!.Count),
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Zero,
        });
}
