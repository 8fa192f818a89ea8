using System.Buffers;
using Microsoft.Extensions.Logging;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Replication;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Persistence;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport;

/// <summary>
/// The command path both transports share: frames every complete request in a connection's input, routes it, and
/// encodes its reply into the connection's output.
/// </summary>
/// <remarks>
/// The transports differ only in how bytes arrive and leave (ADR 0018). Framing, dispatch, reply encoding, the
/// protocol-error and QUIT rules and the catch-and-log of a faulty command live here once. It holds no per-connection
/// state: the reader, the writer and the session are the connection's, passed in. Only the serving thread calls it.
/// </remarks>
public sealed partial class CommandProcessor(
    CommandRouter router,
    Databases databases,
    ServerStatistics statistics,
    ErrorStatistics errors,
    OutputBufferLimiter outputLimits,
    BlockedClients blocked,
    AppendOnlyFile appendOnly,
    ActiveExpiry expiry,
    TimeProvider time,
    ReplicationState replication,
    ILogger<CommandProcessor> logger)
{
    /// <summary>
    /// Runs every complete request in <paramref name="input"/>[<paramref name="start"/>..<paramref name="end"/>), appending
    /// replies to <paramref name="writer"/> under <c>client-output-buffer-limit</c>: once the pending output (what the
    /// writer holds beyond the <paramref name="sent"/> bytes already out) could be over the session's limit, it stops
    /// after each reply to check, as Redis checks each reply it adds. Pipelined GETs of 1 MB values in one 16 KiB read
    /// would otherwise queue gigabytes first.
    /// </summary>
    /// <param name="start">Advanced past every request consumed; an unfinished request stays after it.</param>
    /// <param name="softSince">The connection's soft-limit timer, kept between batches (see <see cref="OutputBufferLimiter.IsReached"/>).</param>
    /// <param name="closeReason">
    /// Null to keep serving (every complete request ran, or <c>CLIENT PAUSE</c> holds the next request, which then
    /// stays at <paramref name="start"/> with <see cref="ClientSession.IsPostponed"/> set), or why the connection must
    /// close once the replies are sent.
    /// </param>
    /// <returns>False when the client must close for its output: the transport logs it, drops the replies and closes, as Redis does.</returns>
    /// <remarks>
    /// A clock the host moved is caught up first (<see cref="ActiveExpiry.CatchUp"/>).
    /// The writes the batch logged reach the append-only file (<c>write(2)</c>) before this returns, so before the
    /// transport sends any of the batch's replies (Redis's <c>beforeSleep</c> order); see <see cref="BeforeSend"/>.
    /// </remarks>
    public bool ExecuteBatch(
        RequestReader reader, ReplyWriter writer, ClientSession session, byte[] input, ref int start, int end, int sent, ref long softSince, out string? closeReason)
    {
        expiry.CatchUp();

        // The keys' access clock moves once per batch, as Redis's server.lruclock moves with its cron (1 s resolution).
        databases.AccessClock.Set(time.GetUnixMilliseconds());
        try
        {
            return ExecuteUnderOutputLimit(reader, writer, session, input, ref start, end, sent, ref softSince, out closeReason);
        }
        finally
        {
            appendOnly.FlushBeforeReplies();
        }
    }

    private bool ExecuteUnderOutputLimit(
        RequestReader reader, ReplyWriter writer, ClientSession session, byte[] input, ref int start, int end, int sent, ref long softSince, out string? closeReason)
    {
        var limit = outputLimits.For(session);
        var checkAt = OutputBufferLimiter.CheckAt(limit, sent);
        while (true)
        {
            closeReason = ExecuteUntil(reader, writer, session, input, ref start, end, checkAt);
            if (closeReason is not null || writer.Length < checkAt)
            {
                return true;
            }

            if (outputLimits.IsReached(limit, writer.Length - sent, ref softSince))
            {
                return false;
            }

            if (session.Block is not null || session.IsPostponed || blocked.HasWork)
            {
                return true;
            }

            // Over the soft limit, within its seconds: go on, checking after every further reply.
            checkAt = writer.Length + 1;
        }
    }

    /// <summary>
    /// Called by the transport before it sends replies: with <c>appendfsync always</c>, the writes logged so far are
    /// flushed to disk first, one fsync for every batch run since the last send (Redis fsyncs once per event-loop turn).
    /// </summary>
    public void BeforeSend() => appendOnly.SyncBeforeSend();

    /// <summary>
    /// Runs requests until none is complete, one closes the connection, <c>CLIENT PAUSE</c> holds one, or the reply
    /// that brings <paramref name="writer"/>'s length to <paramref name="outputCheckAt"/> is written.
    /// </summary>
    /// <returns>Null to keep serving, or why the connection must close once the replies are sent.</returns>
    private string? ExecuteUntil(RequestReader reader, ReplyWriter writer, ClientSession session, byte[] input, ref int start, int end, long outputCheckAt)
    {
        session.IsPostponed = false;
        while (true)
        {
            var status = reader.TryRead(input, start, end - start, out var args, out var consumed);
            var requestStart = start;
            start += consumed;
            switch (status)
            {
                case OperationStatus.NeedMoreData:
                    return null;
                case OperationStatus.InvalidData:
                    // Redis answers a protocol error and then closes the connection (setProtocolError); the error
                    // counts in INFO errorstats even when CLIENT REPLY OFF drops it, as afterErrorReply counts it.
                    var error = Reply.Error(Errors.Protocol(reader.ProtocolError!));
                    errors.Count(error);
                    if (session.CompleteReply())
                    {
                        writer.Protocol = session.Protocol;
                        writer.Write(error);
                    }

                    statistics.ProtocolErrors++;
                    return "protocol error: " + reader.ProtocolError;
            }

            var reply = ExecuteOrResume(session, args);
            if (session.IsPostponed || session.Block is not null)
            {
                // CLIENT PAUSE or a blocking command holds this command: it stays unread, with everything after it,
                // until the pause ends or the wait does and the transport calls again (Redis keeps a postponed or
                // blocked client's query buffer the same way).
                start = requestStart;
                return null;
            }

            statistics.CommandsProcessed++;

            // Redis's commandProcessed for the master's link: the command's bytes move the replication offset and go on
            // to this server's own replicas. One field test for every other connection.
            if (session.IsMaster)
            {
                replication.MasterStreamProcessed(input.AsSpan(requestStart, consumed));
            }

            // CLIENT REPLY OFF and SKIP drop the reply here, as Redis's prepareClientToWrite refuses to queue it, unless
            // it is a push (a subscription's confirmation), which Redis's CLIENT_PUSHING lets through.
            if (session.CompleteReply() || reply.IsPush)
            {
                writer.Protocol = session.Protocol;
                writer.Write(reply);
            }

            // The reply is encoded: nothing reads the values the command looked up any more, so they may be written over.
            databases.EndCommand();
            if (reply.ClosesConnection)
            {
                return "client sent QUIT";
            }

            if (session.CloseAfterReply)
            {
                return session.CloseReason ?? ConnectionRules.KilledByClientKill;
            }

            // A key blocked clients wait for was given a collection, or one was unblocked: the transport serves them
            // before this connection's next command, as Redis's processCommand calls handleClientsBlockedOnKeys.
            if (writer.Length >= outputCheckAt || blocked.HasWork)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Runs the command, or, for a connection a blocking command holds (<see cref="ClientSession.Block"/>), runs that
    /// command again or ends it with the reply its wait was resolved with (a timeout, <c>CLIENT UNBLOCK</c>). A run that
    /// asks to wait again leaves the block in place; one that answered releases it (ADR 0027).
    /// </summary>
    private Reply ExecuteOrResume(ClientSession session, CommandArgs args)
    {
        if (session.Block is null)
        {
            return Execute(session, args);
        }

        if (blocked.BeforeRun(session) is { } resolution)
        {
            return resolution;
        }

        var reply = Execute(session, args);
        blocked.AfterRun(session);
        return reply;
    }

    private Reply Execute(ClientSession session, CommandArgs args)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var name = Errors.Sanitize(args[0], 64);
            LogCommand(name, args.Count - 1);
        }

        try
        {
            return router.Execute(session, args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one command answers that command with an error; the connection and the server go on.
            var name = Errors.Sanitize(args[0], 64);
            LogCommandFault(e, name);
            return Errors.InternalError;
        }
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Command {Name} with {Arguments} argument(s)")]
    private partial void LogCommand(string name, int arguments);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Command {Name} failed")]
    private partial void LogCommandFault(Exception exception, string name);
}
