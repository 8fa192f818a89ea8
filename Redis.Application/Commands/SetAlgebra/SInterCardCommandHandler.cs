using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary>The size of the intersection, counted up to the limit, without building it.</summary>
public sealed class SInterCardCommandHandler(TimeProvider time) : IRequestHandler<SInterCardCommand, Reply>
{
    public ValueTask<Reply> Handle(SInterCardCommand request, CancellationToken cancellationToken) =>
        new(SetAlgebraEvaluator.TryRead(request.Keyspace, request.Keys, time.GetUnixMilliseconds(), out var sets)
            ? Reply.Integer(SetAlgebraEvaluator.Intersect(sets, request.Limit, null, null, 0))
            : Errors.WrongType);
}
