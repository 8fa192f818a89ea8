using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LLen;

/// <summary>The list's length, 0 for a missing key.</summary>
public sealed class LLenCommandHandler(TimeProvider time) : IRequestHandler<LLenCommand, Reply>
{
    public ValueTask<Reply> Handle(LLenCommand request, CancellationToken cancellationToken) =>
        new(request.Keyspace.Read<ListValue>(request.Key.Span, time.GetUnixMilliseconds(), out var list) switch
        {
            KeyLookup.Found => Reply.Integer(list!.Count),
            KeyLookup.WrongType => Errors.WrongType,
            _ => Reply.Zero,
        });
}
