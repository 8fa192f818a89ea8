using System.Text;
using Microsoft.Extensions.Logging;
using Redis.Application.Common;
using Redis.Application.Sessions;

namespace Redis.Infrastructure.Transport;

/// <summary>The connection events both transports log, with the same ids and texts whichever serves.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Client {Remote} connected")]
    public static partial void ClientConnected(this ILogger logger, string remote);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Client {Remote} disconnected: {Reason}")]
    public static partial void ClientDisconnected(this ILogger logger, string remote, string reason);

    /// <summary>Redis's warning from <c>closeClientOnOutputBufferLimitReached</c>, with the fields of its client line this server has.</summary>
    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Client id={Id} addr={Remote} name={Name} omem={Pending} scheduled to be closed ASAP for overcoming of output buffer limits.")]
    public static partial void OutputBufferLimitReached(this ILogger logger, long id, string remote, string name, long pending);

    /// <summary>Logs and counts a client closed for its output (<c>client-output-buffer-limit</c>).</summary>
    public static void OutputBufferLimitReached(this ILogger logger, ServerStatistics statistics, ClientSession session, string remote, long pending)
    {
        statistics.OutputBufferLimitDisconnections++;
        logger.OutputBufferLimitReached(session.Id, remote, session.Name is null ? string.Empty : Encoding.UTF8.GetString(session.Name), pending);
    }
}
