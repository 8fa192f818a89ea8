using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Strlen;

public sealed class StrlenCommandHandler(TimeProvider time) : IRequestHandler<StrlenCommand, Reply>
{
    public ValueTask<Reply> Handle(StrlenCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry) switch
        {
            KeyLookup.Found => Reply.Integer(entry.Value.Length),
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Zero,
        });
}
