using Microsoft.Extensions.Time.Testing;

namespace Redis.Application.Tests.TestSupport;

internal static class TestClock
{
    /// <summary>A fixed start, so expiry instants in tests are readable numbers.</summary>
    public const long StartUnixMilliseconds = 1_700_000_000_000;

    public static FakeTimeProvider Create() => new(DateTimeOffset.FromUnixTimeMilliseconds(StartUnixMilliseconds));
}
