using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HMGet;

/// <summary>One reply per field in the order asked, nil for a missing field; a missing key is an empty hash.</summary>
public sealed class HMGetCommandHandler(TimeProvider time) : IRequestHandler<HMGetCommand, Reply>
{
    public ValueTask<Reply> Handle(HMGetCommand request, CancellationToken cancellationToken)
    {
        if (request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash) == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var fields = request.Fields;
        var values = new Reply[fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = hash is not null && hash.TryGetValue(fields[i].Span, out var value) ? Reply.Bulk(value) : Reply.Nil;
        }

        return new(Reply.Array(values));
    }
}
