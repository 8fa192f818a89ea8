namespace Redis.Infrastructure.Configuration;

/// <summary>One class's <c>client-output-buffer-limit</c>: Redis's <c>clientBufferLimitsConfig</c>.</summary>
/// <param name="HardBytes">Close the client as soon as its pending output reaches this; 0 for no limit.</param>
/// <param name="SoftBytes">Close the client once its pending output has stayed at or over this for more than <paramref name="SoftSeconds"/>; 0 for no limit.</param>
/// <param name="SoftSeconds">How long the soft limit may be exceeded without a break.</param>
public readonly record struct OutputBufferLimit(long HardBytes, long SoftBytes, long SoftSeconds)
{
    public static OutputBufferLimit None { get; } = new(0, 0, 0);

    /// <summary>True when either limit is set: only then does a connection's output need checking.</summary>
    public bool IsSet => HardBytes > 0 || SoftBytes > 0;

    /// <summary>The smallest pending output at which a check can close the client; <see cref="long.MaxValue"/> when none can.</summary>
    /// <remarks>Below it neither limit is reached, so the command path checks one number per reply and nothing more.</remarks>
    public long CheckFrom => (HardBytes, SoftBytes) switch
    {
        (0, 0) => long.MaxValue,
        (0, var soft) => soft,
        (var hard, 0) => hard,
        (var hard, var soft) => Math.Min(hard, soft),
    };
}
