using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>Makes room for <c>maxclients</c> connections at start-up, as Redis's <c>adjustOpenFilesLimit</c> (<c>server.c</c>) does.</summary>
/// <remarks>
/// Each connection is one descriptor, and the server needs a few of its own (the listener, epoll, logs, the runtime):
/// Redis's <c>CONFIG_MIN_RESERVED_FDS</c>, 32. When the soft limit is lower, it is raised, trying the full need first and
/// then 16 fewer at a time; when it cannot reach the need, <c>maxclients</c> is lowered to what fits and Redis's warnings
/// are logged, so the server refuses the connection over the limit with <c>-ERR max number of clients reached</c> rather
/// than failing <c>accept</c> with EMFILE in a loop.
/// Unlike Redis, the hard limit is never lowered to the new soft one: a process that starts several servers (the tests
/// do) keeps the room it had.
/// </remarks>
internal static partial class OpenFilesLimit
{
    /// <summary>Redis's <c>CONFIG_MIN_RESERVED_FDS</c>: descriptors kept for the server's own files beside its clients.</summary>
    public const int ReservedDescriptors = 32;

    /// <summary>How much lower each further attempt asks for, as Redis's <c>decr_step</c>.</summary>
    private const int Step = 16;

    /// <summary>The limit Redis assumes when it cannot read the real one.</summary>
    private const int AssumedLimit = 1024;

    /// <summary>The <c>maxclients</c> the descriptor limit allows: <paramref name="maxClients"/>, or fewer with a warning.</summary>
    /// <exception cref="OptionsValidationException">Not even one client fits: Redis exits with the same message, and so does the server, in one line.</exception>
    public static int Adjust(int maxClients, IOpenFilesLimit system, ILogger logger)
    {
        var needed = (ulong)maxClients + ReservedDescriptors;
        if (!system.TryGet(out var soft, out var hard, out var readError))
        {
            LogLimitUnknown(logger, readError);
            return Math.Min(maxClients, AssumedLimit - ReservedDescriptors);
        }

        if (soft >= needed)
        {
            return maxClients;
        }

        var best = needed;
        string? setError = null;
        while (best > soft)
        {
            // The error kept is the last refusal's, as Redis's setrlimit_error: a later attempt that fits says nothing.
            if (system.TrySet(best, Math.Max(hard, best), out var error))
            {
                break;
            }

            setError = error;
            if (best < Step)
            {
                best = soft;
                break;
            }

            best -= Step;
        }

        best = Math.Max(best, soft);
        if (best >= needed)
        {
            LogLimitRaised(logger, needed, soft);
            return maxClients;
        }

        if (best <= ReservedDescriptors)
        {
            throw new OptionsValidationException(nameof(RedisServerOptions.MaxClients), typeof(RedisServerOptions),
                [$"Your current 'ulimit -n' of {soft} is not enough for the server to start. Please increase your open file limit to at least {needed}. Exiting."]);
        }

        var reduced = (int)(best - ReservedDescriptors);
        LogMaxClientsRequested(logger, maxClients, needed);
        LogCannotRaise(logger, needed, setError);
        LogMaxClientsReduced(logger, best, reduced);
        return reduced;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Unable to obtain the current NOFILE limit ({Error}), assuming 1024 and setting the max clients configuration accordingly.")]
    private static partial void LogLimitUnknown(ILogger logger, string? error);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Increased maximum number of open files to {Limit} (it was originally set to {Original}).")]
    private static partial void LogLimitRaised(ILogger logger, ulong limit, ulong original);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "You requested maxclients of {MaxClients} requiring at least {Needed} max file descriptors.")]
    private static partial void LogMaxClientsRequested(ILogger logger, int maxClients, ulong needed);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Server can't set maximum open files to {Needed} because of OS error: {Error}.")]
    private static partial void LogCannotRaise(ILogger logger, ulong needed, string? error);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Current maximum open files is {Limit}. maxclients has been reduced to {MaxClients} to compensate for low ulimit. If you need higher maxclients increase 'ulimit -n'.")]
    private static partial void LogMaxClientsReduced(ILogger logger, ulong limit, int maxClients);
}
