using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.SetAlgebra;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SPop;

/// <summary>
/// Removes random members (Redis's <c>spopCommand</c> and <c>spopWithCountCommand</c>): one as a bulk string, or a
/// count of them as a RESP3 set; a count at least the size answers the whole set in its order and deletes the key.
/// </summary>
/// <remarks>Chance chose the members, so the command is logged as the <c>SREM</c> of them, or the <c>DEL</c> of the key, as Redis logs it.</remarks>
public sealed class SPopCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings, CommandPropagation propagation) : IRequestHandler<SPopCommand, Reply>
{
    private readonly LiveSetting _maxIntsetEntries = SetAlgebraSupport.MaxIntsetEntries(settings);

    public ValueTask<Reply> Handle(SPopCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var now = time.GetUnixMilliseconds();
        switch (request.Keyspace.Get<SetValue>(key, now, out var set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(request.Count is null ? Reply.Nil : SetAlgebraSupport.EmptySet);
        }

        if (request.Count == 0)
        {
            return new(SetAlgebraSupport.EmptySet);
        }

        Reply reply;
        if (request.Count is not { } count)
        {
            var member = set!.PopRandom(Random.Shared);
            reply = Reply.Bulk(member);
            propagation.Replace(CommandPropagation.SRem, key.ToArray(), member);
        }
        else if (count >= set!.Count)
        {
            // Redis answers through SUNION, whose lookup counts a read.
            request.Keyspace.Read<SetValue>(key, now, out _);
            reply = SetAlgebraSupport.Members(set);
            request.Keyspace.Remove(key, now);
            propagation.Replace(CommandPropagation.Del, key.ToArray());
            events.Notify(KeyspaceEventClasses.Set, KeyspaceEventNames.SPop, key, request.Keyspace.Index);
            events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key, request.Keyspace.Index);
            return new(reply);
        }
        else
        {
            var popped = new List<byte[]>((int)count);
            set.PopRandom((int)count, Random.Shared, _maxIntsetEntries.Value, popped);
            var items = new Reply[popped.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Reply.Bulk(popped[i]);
            }

            reply = Reply.Set(items);
            if (propagation.IsActive)
            {
                propagation.Replace([CommandPropagation.SRem, key.ToArray(), .. popped]);
            }
        }

        events.Shrunk(request.Keyspace, key, set, KeyspaceEventClasses.Set, KeyspaceEventNames.SPop);

        return new(reply);
    }
}
