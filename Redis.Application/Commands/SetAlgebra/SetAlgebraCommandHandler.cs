using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary>
/// The members of the intersection, union or difference, as a RESP3 set; or, for the STORE forms, their number,
/// with the result stored in the destination (replacing any value and TTL), or the destination deleted when the
/// result is empty.
/// </summary>
public sealed class SetAlgebraCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<SetAlgebraCommand, Reply>
{
    private readonly LiveSetting _maxIntsetEntries = SetAlgebraSupport.MaxIntsetEntries(settings);

    public ValueTask<Reply> Handle(SetAlgebraCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var keyspace = request.Keyspace;
        if (!SetAlgebraEvaluator.TryRead(keyspace, request.Keys, now, out var sets))
        {
            return new(Errors.WrongType);
        }

        var max = _maxIntsetEntries.Value;
        if (request.Destination is not { } destination)
        {
            if (request.Operation != SetAlgebraOperation.Inter)
            {
                return new(SetAlgebraSupport.Members(SetAlgebraEvaluator.UnionOrDiff(sets, request.Operation, max)));
            }

            var members = new List<byte[]>();
            SetAlgebraEvaluator.Intersect(sets, 0, members, null, max);
            var items = new Reply[members.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Reply.Bulk(members[i]);
            }

            return new(Reply.Set(items));
        }

        SetValue result;
        if (request.Operation == SetAlgebraOperation.Inter)
        {
            result = new SetValue();
            SetAlgebraEvaluator.Intersect(sets, 0, null, result, max);
        }
        else
        {
            result = SetAlgebraEvaluator.UnionOrDiff(sets, request.Operation, max);
        }

        var key = destination.Span;
        if (result.Count == 0)
        {
            if (keyspace.Remove(key, now))
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key, keyspace.Index);
            }

            return new(Reply.Zero);
        }

        keyspace.Set(key, result);
        var name = request.Operation switch
        {
            SetAlgebraOperation.Inter => KeyspaceEventNames.SInterStore,
            SetAlgebraOperation.Union => KeyspaceEventNames.SUnionStore,
            _ => KeyspaceEventNames.SDiffStore,
        };
        events.Notify(KeyspaceEventClasses.Set, name, key, keyspace.Index);
        return new(Reply.Integer(result.Count));
    }
}
