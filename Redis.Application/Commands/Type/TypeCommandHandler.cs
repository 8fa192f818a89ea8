using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Type;

/// <summary><c>string</c> for a live key (the only type this server stores), <c>none</c> otherwise.</summary>
public sealed class TypeCommandHandler(TimeProvider time) : IRequestHandler<TypeCommand, Reply>
{
    private static readonly Reply String = Reply.Simple("string");
    private static readonly Reply None = Reply.Simple("none");

    public ValueTask<Reply> Handle(TypeCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.TryRead(request.Key.Span, time.GetUnixMilliseconds(), out _) ? String : None);
}
