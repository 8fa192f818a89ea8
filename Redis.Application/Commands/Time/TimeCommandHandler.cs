using System.Globalization;
using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Time;

/// <summary>The server clock as two bulk strings, Unix seconds and the microseconds within that second, as Redis answers.</summary>
/// <remarks>The clock is the one that decides expiry, so a test that moves a fake clock sees TIME move with it.</remarks>
public sealed class TimeCommandHandler(TimeProvider time) : IRequestHandler<TimeCommand, Reply>
{
    public ValueTask<Reply> Handle(TimeCommand request, CancellationToken cancellationToken)
    {
        var microseconds = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        var seconds = Math.DivRem(microseconds, 1_000_000, out var fraction);
        return new(Reply.Array(
        [
            Reply.Bulk(seconds.ToString(CultureInfo.InvariantCulture)),
            Reply.Bulk(fraction.ToString(CultureInfo.InvariantCulture)),
        ]));
    }
}
