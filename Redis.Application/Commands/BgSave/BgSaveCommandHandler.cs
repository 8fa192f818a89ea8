using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.BgSave;

/// <summary>Redis's <c>bgsaveCommand</c>, with its replies and errors.</summary>
public sealed class BgSaveCommandHandler(IPersistence persistence) : IRequestHandler<BgSaveCommand, Reply>
{
    private static readonly Reply Started = Reply.Simple("Background saving started");
    private static readonly Reply Scheduled = Reply.Simple("Background saving scheduled");

    public ValueTask<Reply> Handle(BgSaveCommand request, CancellationToken cancellationToken) =>
        new(persistence.BackgroundSave(request.Schedule) switch
        {
            BackgroundSaveOutcome.Started => Started,
            BackgroundSaveOutcome.Scheduled => Scheduled,
            BackgroundSaveOutcome.InProgress => Errors.BackgroundSaveInProgress,
            BackgroundSaveOutcome.OtherChildActive => Errors.OtherChildActive,
            _ => Errors.Failed,
        });
}
