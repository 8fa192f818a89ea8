using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZScore;

/// <summary>The member's score (a bulk string in RESP2, a double in RESP3), or nil.</summary>
public sealed class ZScoreCommandHandler(TimeProvider time) : IRequestHandler<ZScoreCommand, Reply>
{
    public ValueTask<Reply> Handle(ZScoreCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set) switch
        {
            KeyLookup.Found => set!.TryGetScore(request.Member.Span, out var score) ? Reply.Double(score) : Reply.Nil,
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Nil,
        });
}
