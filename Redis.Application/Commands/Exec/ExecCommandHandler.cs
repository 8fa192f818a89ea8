using Mediator;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Exec;

/// <summary>
/// Redis's <c>execCommand</c>: <c>EXECABORT</c> when a command was refused while queueing, a null array when a watched
/// key changed (or expired) since <c>WATCH</c>, otherwise every queued command's reply, errors included, in order.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is rolled back: a command that fails as it runs (a syntax error, a wrong value) answers its error in the
/// array and the next one runs. The watches are released before the first command runs, so the transaction's own
/// writes do not count as changes; the queue and the flags go once the last one has run, so a <c>CLIENT LIST</c>
/// inside shows the transaction still open, as Redis does.
/// </para>
/// <para>
/// Each queued command runs through <see cref="CommandRouter.Run"/>, the path a command sent alone takes after its
/// checks, with the connection's session, and is bound then, on the database the connection has selected at that
/// moment: a <c>SELECT</c> in the queue moves the commands after it. The values the commands hand out stay valid until the whole array is
/// encoded: the server ends the command (<see cref="Databases.EndCommand"/>) only after <c>EXEC</c>'s reply, so no
/// later command of the transaction writes over a value an earlier one answered with.
/// </para>
/// </remarks>
public sealed class ExecCommandHandler(CommandRouter router, TimeProvider time, CommandPropagation propagation) : IRequestHandler<ExecCommand, Reply>
{
    public ValueTask<Reply> Handle(ExecCommand request, CancellationToken cancellationToken)
    {
        var session = request.Session;
        var transaction = session.Transaction;
        if (!transaction.InMulti)
        {
            return new(Errors.ExecWithoutMulti);
        }

        if (transaction.HasQueueingError || IsAnyWatchBroken(transaction.Watches))
        {
            var failed = transaction.HasQueueingError ? Errors.ExecAbort : Reply.NullArray;
            transaction.Discard();
            return new(failed);
        }

        transaction.UnwatchAll();
        propagation.BeginTransaction();
        try
        {
            var queued = transaction.Queued;
            var replies = new Reply[queued.Count];
            for (var i = 0; i < replies.Length; i++)
            {
                replies[i] = router.Run(session, queued[i].Binder, queued[i].Args);
            }

            return new(Reply.Array(replies));
        }
        finally
        {
            propagation.EndTransaction();
            transaction.Discard();
        }
    }

    // A touched watch, or Redis's isWatchedKeyExpired: a key that expired since WATCH changed though nothing wrote it.
    private bool IsAnyWatchBroken(IReadOnlyList<KeyWatch> watches)
    {
        if (watches.Count == 0)
        {
            return false;
        }

        var now = time.GetUnixMilliseconds();
        foreach (var watch in watches)
        {
            if (watch.IsTouched || watch.Keyspace.HasExpiredSinceWatched(watch, now))
            {
                return true;
            }
        }

        return false;
    }
}
