using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>
/// Runs one request: finds the command, checks its arity and that the connection may run it, binds it, and sends it
/// through the mediator.
/// </summary>
/// <remarks>
/// User mistakes (unknown name, wrong arity, bad syntax, out-of-range values) come back as error replies, never
/// as exceptions. An exception out of here is a fault, for the transport to log.
/// </remarks>
public sealed class CommandRouter(CommandTable table, ISender sender, DefaultUser user, ClientPause pause)
{
    /// <summary>Read once: without <c>requirepass</c> the authentication gate costs this one test per command.</summary>
    private readonly bool _passwordRequired = user.RequiresPassword;

    /// <summary>Runs <paramref name="args"/> for the connection <paramref name="session"/>.</summary>
    /// <returns>The reply; nothing (default) when a <c>CLIENT PAUSE</c> postponed the command, which sets <see cref="ClientSession.IsPostponed"/>.</returns>
    public Reply Execute(ClientSession session, CommandArgs args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("A request has at least the command name.", nameof(args));
        }

        if (!table.TryFind(args[0], out var binder))
        {
            return Errors.UnknownCommand(args[0], args.ToArrays()[1..]);
        }

        // Redis's processCommand names the command for CLIENT LIST as soon as it is found, before any other check.
        session.LastCommand = binder.Spec.Name;
        if (!binder.Spec.AcceptsArgumentCount(args.Count))
        {
            return binder.Spec.ArityError;
        }

        // Redis's processCommand asks for authentication after the name and arity checks, before the command runs,
        // whichever way the request arrived (RESP or inline).
        if (_passwordRequired && !binder.Spec.AllowsUnauthenticated && !session.IsAuthenticated)
        {
            return RefuseUnauthenticated(binder.Spec, args);
        }

        // Redis's processCommand postpones a paused client here, after every check that answers at once: the
        // transport keeps the request unread and runs it again once the pause ends.
        if (pause.Kind != ClientPauseKind.Off && pause.Holds(binder.Spec))
        {
            session.IsPostponed = true;
            return default;
        }

        var cursor = new ArgCursor(args, session);
        var bound = binder.Bind(ref cursor);
        if (bound.Command is null)
        {
            return bound.Error;
        }

        // Handlers complete synchronously (the keyspace is in memory), so this never blocks the serving thread.
        var pending = sender.Send(bound.Command);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// <c>NOAUTH</c>, unless a container command names an unknown subcommand or gives it the wrong number of
    /// arguments: Redis looks subcommands up with the command, so it reports those first.
    /// </summary>
    private static Reply RefuseUnauthenticated(CommandSpec spec, CommandArgs args)
    {
        if (spec.Subcommands.Count > 0 && args.Count >= 2)
        {
            if (spec.FindSubcommand(args[1]) is not { } subcommand)
            {
                return Errors.UnknownSubcommand(args[1], spec.Name);
            }

            if (!subcommand.AcceptsArgumentCount(args.Count))
            {
                return subcommand.ArityError;
            }
        }

        return Errors.NoAuth;
    }
}
