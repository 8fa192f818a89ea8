using Mediator;
using Redis.Application.Abstractions;
using Redis.Protocol;

namespace Redis.Application.Commands.LastSave;

/// <summary>Redis's <c>lastsaveCommand</c>: the server's start counts as a save, as Redis's <c>initServer</c> has it.</summary>
public sealed class LastSaveCommandHandler(IPersistence persistence) : IRequestHandler<LastSaveCommand, Reply>
{
    public ValueTask<Reply> Handle(LastSaveCommand request, CancellationToken cancellationToken) =>
        new(Reply.Integer(persistence.Info.LastSaveUnixSeconds));
}
