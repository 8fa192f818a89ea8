using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZLexCount;

/// <summary>The number of members within the lexicographic range (meaningful when all scores are equal).</summary>
public sealed class ZLexCountCommandHandler(TimeProvider time) : IRequestHandler<ZLexCountCommand, Reply>
{
    public ValueTask<Reply> Handle(ZLexCountCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Zero);
        }

        var (first, end) = request.Range.Ranks(set!);
        return new(Reply.Integer(end - first));
    }
}
