using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.SetAlgebra;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SMove;

/// <summary>
/// 1 when the member moved (Redis's <c>smoveCommand</c>): a missing source answers 0 before any type check; then
/// either key of another type answers WRONGTYPE, even when the member is absent; the same set answers membership.
/// </summary>
public sealed class SMoveCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<SMoveCommand, Reply>
{
    private readonly LiveSetting _maxIntsetEntries = SetAlgebraSupport.MaxIntsetEntries(settings);

    public ValueTask<Reply> Handle(SMoveCommand request, CancellationToken cancellationToken)
    {
        var keyspace = request.Keyspace;
        var now = time.GetUnixMilliseconds();
        var source = request.Source.Span;
        var destinationKey = request.Destination.Span;
        var member = request.Member.Span;
        var sourceLookup = keyspace.Get<SetValue>(source, now, out var from);
        var destinationLookup = keyspace.Get<SetValue>(destinationKey, now, out var to);
        if (sourceLookup == KeyLookup.Missing)
        {
            return new(Reply.Zero);
        }

        if (sourceLookup == KeyLookup.WrongType || destinationLookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (ReferenceEquals(from, to))
        {
            return new(from!.Contains(member) ? Reply.One : Reply.Zero);
        }

        if (!from!.Remove(member))
        {
            return new(Reply.Zero);
        }

        events.Shrunk(keyspace, source, from, KeyspaceEventClasses.Set, KeyspaceEventNames.SRem);

        if (to is null)
        {
            to = SetValue.For(member);
            keyspace.Set(destinationKey, to);
        }

        if (to.Add(member, _maxIntsetEntries.Value))
        {
            keyspace.Changed(destinationKey, to);
            events.Notify(KeyspaceEventClasses.Set, KeyspaceEventNames.SAdd, destinationKey, keyspace.Index);
        }

        return new(Reply.One);
    }
}
