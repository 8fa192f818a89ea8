using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.SetAlgebra;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SAdd;

/// <summary>How many members were new (Redis's <c>saddCommand</c>): a missing key is created in the encoding its first member calls for.</summary>
public sealed class SAddCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<SAddCommand, Reply>
{
    private readonly LiveSetting _maxIntsetEntries = SetAlgebraSupport.MaxIntsetEntries(settings);

    public ValueTask<Reply> Handle(SAddCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<SetValue>(key, time.GetUnixMilliseconds(), out var set);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var created = set is null;
        set ??= SetValue.For(request.Members[0].Span);
        var added = 0L;
        foreach (var member in request.Members)
        {
            if (set.Add(member.Span, _maxIntsetEntries.Value))
            {
                added++;
            }
        }

        if (created)
        {
            request.Keyspace.Set(key, set);
        }
        else if (added > 0)
        {
            request.Keyspace.Changed(key, set);
        }

        if (added > 0)
        {
            events.Notify(KeyspaceEventClasses.Set, KeyspaceEventNames.SAdd, key, request.Keyspace.Index);
        }

        return new(Reply.Integer(added));
    }
}
