using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.MGet;

/// <summary>One reply per key, nil for a missing one, in the order asked.</summary>
public sealed class MGetCommandHandler(TimeProvider time) : IRequestHandler<MGetCommand, Reply>
{
    public ValueTask<Reply> Handle(MGetCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var values = new Reply[request.Keys.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = request.Keyspace.Read(request.Keys[i].Span, now, out var entry) == KeyLookup.Found ? Reply.Bulk(entry.Value) : Reply.Nil;
        }

        return new(Reply.Array(values));
    }
}
