using Redis.Application.PubSub;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Keyspace notifications for handlers under test: off, as by default, unless a test turns classes on.</summary>
internal static class TestEvents
{
    /// <summary>A fresh service with <c>notify-keyspace-events</c> empty.</summary>
    public static KeyspaceEvents Off => new(new PubSubRegistry());
}
