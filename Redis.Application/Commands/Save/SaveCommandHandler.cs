using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Save;

/// <summary>Redis's <c>saveCommand</c>: refused while a background save runs; <c>-ERR</c> alone when the file cannot be written (the cause is logged).</summary>
public sealed class SaveCommandHandler(IPersistence persistence) : IRequestHandler<SaveCommand, Reply>
{
    public ValueTask<Reply> Handle(SaveCommand request, CancellationToken cancellationToken) =>
        new(persistence.Save() switch
        {
            SaveOutcome.Saved => Reply.Ok,
            SaveOutcome.InProgress => Errors.BackgroundSaveInProgress,
            _ => Errors.Failed,
        });
}
