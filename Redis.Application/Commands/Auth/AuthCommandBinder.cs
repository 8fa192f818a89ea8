using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Auth;

/// <remarks>
/// Redis declares AUTH with arity -2 and answers a syntax error beyond three words (<c>authCommand</c>). The flag
/// <c>no_auth</c> lets it through before the connection has authenticated.
/// </remarks>
internal sealed class AuthCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("auth", -2, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"])
    {
        Doc = new("[username] password", "Authenticate the connection (the only user is 'default')", "connection"),
    };

    public BindResult Bind(ref ArgCursor args) => args.Remaining switch
    {
        1 => new BindResult(new AuthCommand(args.Session, null, args.NextMemory())),
        2 => new BindResult(new AuthCommand(args.Session, args.NextMemory(), args.NextMemory())),
        _ => Errors.Syntax,
    };
}
