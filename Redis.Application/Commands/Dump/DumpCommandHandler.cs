using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Dump;

/// <summary>Redis's <c>dumpCommand</c>: the payload of a live key, read as a read (a hit or a miss); nil when there is none.</summary>
public sealed class DumpCommandHandler(TimeProvider time, IValueSerializer serializer) : IRequestHandler<DumpCommand, Reply>
{
    public ValueTask<Reply> Handle(DumpCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var type = request.Keyspace.TypeOf(key, now, out var value, countRead: true);
        if (type == KeyType.None)
        {
            return new(Reply.Nil);
        }

        if (value is not null)
        {
            return new(Reply.Bulk(serializer.Dump(value, default)));
        }

        request.Keyspace.Get(key, now, out var entry);
        return new(Reply.Bulk(serializer.Dump(null, entry.Value.Span)));
    }
}
