using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZMScore;

/// <summary>One score or nil per member; a missing key answers nils.</summary>
public sealed class ZMScoreCommandHandler(TimeProvider time) : IRequestHandler<ZMScoreCommand, Reply>
{
    public ValueTask<Reply> Handle(ZMScoreCommand request, CancellationToken cancellationToken)
    {
        if (request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set) == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var scores = new Reply[request.Members.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = set is not null && set.TryGetScore(request.Members[i].Span, out var score) ? Reply.Double(score) : Reply.Nil;
        }

        return new(Reply.Array(scores));
    }
}
