using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZCard;

/// <summary>The number of members, 0 for a missing key.</summary>
public sealed class ZCardCommandHandler(TimeProvider time) : IRequestHandler<ZCardCommand, Reply>
{
    public ValueTask<Reply> Handle(ZCardCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set) switch
        {
            KeyLookup.Found => Reply.Integer(set!.Count),
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Zero,
        });
}
