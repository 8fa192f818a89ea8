using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.BgRewriteAof;

/// <summary>Redis's <c>bgrewriteaofCommand</c>, with its replies and errors.</summary>
public sealed class BgRewriteAofCommandHandler(IAppendOnlyFile appendOnly) : IRequestHandler<BgRewriteAofCommand, Reply>
{
    private static readonly Reply Started = Reply.Simple("Background append only file rewriting started");
    private static readonly Reply Scheduled = Reply.Simple("Background append only file rewriting scheduled");

    public ValueTask<Reply> Handle(BgRewriteAofCommand request, CancellationToken cancellationToken) =>
        new(appendOnly.BackgroundRewrite() switch
        {
            RewriteOutcome.Started => Started,
            RewriteOutcome.Scheduled => Scheduled,
            RewriteOutcome.InProgress => Errors.RewriteInProgress,
            _ => Errors.RewriteFailed,
        });
}
