using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Get;

public sealed class GetCommandHandler(TimeProvider time) : IRequestHandler<GetCommand, Reply>
{
    public ValueTask<Reply> Handle(GetCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry) switch
        {
            KeyLookup.Found => Reply.Bulk(entry.Value),
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Nil,
        });
}
