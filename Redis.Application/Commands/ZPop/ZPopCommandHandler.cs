using Mediator;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZPop;

/// <summary>
/// Pops from the first key that exists (Redis's <c>genericZpopCommand</c>): a flat member/score array for
/// <c>ZPOPMIN</c>/<c>ZPOPMAX</c> (pairs in RESP3 when a count was given), [key, pairs] for <c>ZMPOP</c>.
/// </summary>
public sealed class ZPopCommandHandler(TimeProvider time, KeyspaceEvents events, BlockedClients blocked) : IRequestHandler<ZPopCommand, Reply>
{
    public ValueTask<Reply> Handle(ZPopCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        SortedSetValue? set = null;
        ReadOnlyMemory<byte> key = default;
        foreach (var candidate in request.Keys)
        {
            var lookup = request.Keyspace.Get(candidate.Span, now, out set);
            if (lookup == KeyLookup.WrongType)
            {
                return new(Errors.WrongType);
            }

            if (lookup == KeyLookup.Found)
            {
                key = candidate;
                break;
            }
        }

        if (set is null)
        {
            return new(request.Wait is { } wait
                ? blocked.WaitOrAnswer(wait, request.Keyspace, request.Keys, KeyType.ZSet, Reply.NullArray)
                : request.Multi ? Reply.NullArray : Reply.EmptyArray);
        }

        if (request.Count == 0)
        {
            return new(Reply.EmptyArray);
        }

        var entries = ZSetPop.Pop(request.Keyspace, key.Span, set, request.Max, request.Count == -1 ? 1 : request.Count, events);
        if (request.KeyAndMember)
        {
            return new(Reply.Array([Reply.Bulk(key.ToArray()), .. ZSetReplies.Flat(entries).Items]));
        }

        if (request.Multi)
        {
            return new(Reply.Array([Reply.Bulk(key.ToArray()), ZSetReplies.Entries(entries, withScores: true, resp3: true)]));
        }

        return new(request.Resp3 && request.Count != -1
            ? ZSetReplies.Entries(entries, withScores: true, resp3: true)
            : ZSetReplies.Flat(entries));
    }
}
