using Mediator;
using Redis.Application.Replies;

namespace Redis.Application.Routing;

/// <summary>Runs one request: finds the command, checks its arity, binds it, and sends it through the mediator.</summary>
/// <remarks>
/// User mistakes (unknown name, wrong arity, bad syntax, out-of-range values) come back as error replies, never
/// as exceptions. An exception out of here is a fault, for the transport to log.
/// </remarks>
public sealed class CommandRouter(CommandTable table, ISender sender)
{
    public Reply Execute(CommandArgs args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("A request has at least the command name.", nameof(args));
        }

        if (!table.TryFind(args[0], out var binder))
        {
            return Errors.UnknownCommand(args[0], args.ToArrays()[1..]);
        }

        if (!binder.Spec.AcceptsArgumentCount(args.Count))
        {
            return binder.Spec.ArityError;
        }

        var cursor = new ArgCursor(args);
        var bound = binder.Bind(ref cursor);
        if (bound.Command is null)
        {
            return bound.Error;
        }

        // Handlers complete synchronously (the keyspace is in memory), so this never blocks the serving thread.
        var pending = sender.Send(bound.Command);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
