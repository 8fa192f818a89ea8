using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.BgSave;

internal sealed class BgSaveCommandBinder : ICommandBinder
{
    private static readonly BgSaveCommand Now = new(Schedule: false);
    private static readonly BgSaveCommand Scheduled = new(Schedule: true);

    public CommandSpec Spec { get; } = new("bgsave", -1, ["admin", "noscript", "no_async_loading"])
    {
        Doc = new("[SCHEDULE]", "Asynchronously save the dataset to disk", "server"),
    };

    // bgsaveCommand: one optional argument, SCHEDULE; anything else is a syntax error.
    public BindResult Bind(ref ArgCursor args) => args.Remaining switch
    {
        0 => new BindResult(Now),
        1 when args.NextIs("SCHEDULE"u8) => new BindResult(Scheduled),
        _ => Errors.Syntax,
    };
}
