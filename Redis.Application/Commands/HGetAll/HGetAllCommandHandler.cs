using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HGetAll;

/// <summary>The hash in its iteration order (insertion order while it is a listpack, as Redis's); a missing key is empty.</summary>
public sealed class HGetAllCommandHandler(TimeProvider time) : IRequestHandler<HGetAllCommand, Reply>
{
    public ValueTask<Reply> Handle(HGetAllCommand request, CancellationToken cancellationToken)
    {
        if (request.Keyspace.Read<HashValue>(request.Key.Span, time.GetUnixMilliseconds(), out var hash) == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var length = hash?.Length ?? 0;
        if (request.Parts == HGetAllParts.Pairs)
        {
            var pairs = new Reply[2 * length];
            for (var i = 0; i < length; i++)
            {
                pairs[2 * i] = Reply.Bulk(hash!.FieldAt(i));
                pairs[(2 * i) + 1] = Reply.Bulk(hash.ValueAt(i));
            }

            return new(Reply.Map(pairs));
        }

        var items = new Reply[length];
        var fields = request.Parts == HGetAllParts.Fields;
        for (var i = 0; i < length; i++)
        {
            items[i] = Reply.Bulk(fields ? hash!.FieldAt(i) : hash!.ValueAt(i));
        }

        return new(Reply.Array(items));
    }
}
