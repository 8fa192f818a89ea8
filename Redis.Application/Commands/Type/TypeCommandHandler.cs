using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Type;

/// <summary>The type of a live key as Redis names it (<c>string</c>, <c>list</c>, <c>set</c>, <c>zset</c>, <c>hash</c>), <c>none</c> otherwise.</summary>
public sealed class TypeCommandHandler(TimeProvider time) : IRequestHandler<TypeCommand, Reply>
{
    private static readonly Reply[] Names = [.. Enum.GetValues<KeyType>().Select(static type => Reply.Simple(KeyTypeNames.Of(type)))];

    public ValueTask<Reply> Handle(TypeCommand request, CancellationToken cancellationToken) =>
        new(Names[(int)request.Keyspace.TypeOf(request.Key.Span, time.GetUnixMilliseconds(), out _, countRead: true)]);
}
