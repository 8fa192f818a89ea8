using Redis.Application.Sessions;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Transport;

/// <summary>Applies <c>client-output-buffer-limit</c> to one client's pending output; shared by both transports.</summary>
/// <remarks>
/// Mirrors Redis's <c>checkClientOutputBufferLimits</c>: the hard limit closes at once; the soft limit closes a client
/// that has stayed at or over it for more than its seconds without a break, timed from the first check that found it
/// over. Redis checks whenever a reply is added, so the command path stops after each reply once the pending output
/// reaches <see cref="OutputBufferLimit.CheckFrom"/> and asks here (<see cref="CommandProcessor.ExecuteBatch"/>).
/// </remarks>
public sealed class OutputBufferLimiter(ClientOutputBufferLimits limits, TimeProvider time)
{
    private ClientOutputBufferLimits _limits = limits;

    /// <summary>The limits in force; <c>CONFIG SET client-output-buffer-limit</c> replaces them, for every client at once.</summary>
    public ClientOutputBufferLimits Limits
    {
        get => _limits;
        set => _limits = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The limit that applies to <paramref name="session"/>'s class (Redis's <c>getClientType</c>): the one place the class is chosen.</summary>
    /// <remarks>A connection with a subscription (Redis's <c>CLIENT_PUBSUB</c>) is <see cref="ClientClass.PubSub"/>; there are no replicas.</remarks>
    public OutputBufferLimit For(ClientSession session) =>
        _limits[session.IsReplica ? ClientClass.Replica : session.IsSubscriber ? ClientClass.PubSub : ClientClass.Normal];

    /// <summary>The output length at which the command path must stop for a check, given <paramref name="sent"/> bytes of it are already out.</summary>
    public static long CheckAt(in OutputBufferLimit limit, int sent) =>
        limit.CheckFrom == long.MaxValue ? long.MaxValue : sent + limit.CheckFrom;

    /// <summary>True when the client must be closed for <paramref name="pending"/> bytes of unsent output.</summary>
    /// <param name="softSince">When the soft limit was first found exceeded (Unix milliseconds), 0 if it is not; kept per connection.</param>
    public bool IsReached(in OutputBufferLimit limit, long pending, ref long softSince)
    {
        if (limit.HardBytes > 0 && pending >= limit.HardBytes)
        {
            return true;
        }

        if (limit.SoftBytes == 0 || pending < limit.SoftBytes)
        {
            softSince = 0;
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (softSince == 0)
        {
            softSince = now;
            return false;
        }

        return now - softSince > limit.SoftSeconds * 1000;
    }
}
