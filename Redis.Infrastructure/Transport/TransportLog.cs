using Microsoft.Extensions.Logging;

namespace Redis.Infrastructure.Transport;

/// <summary>The connection events both transports log, with the same ids and texts whichever serves.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Client {Remote} connected")]
    public static partial void ClientConnected(this ILogger logger, string remote);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Client {Remote} disconnected: {Reason}")]
    public static partial void ClientDisconnected(this ILogger logger, string remote, string reason);
}
