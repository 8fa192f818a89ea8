using Redis.Application.Common;
using Redis.Application.Sessions;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Sessions as the transport opens them at accept, for binder, handler and router tests.</summary>
internal static class TestSessions
{
    /// <summary>A new connection's session: authenticated from the start only when <paramref name="settings"/> set no password.</summary>
    public static ClientSession Open(TestSettings? settings = null) =>
        new ClientRegistry(new DefaultUser(settings ?? TestSettings.None)).Open("127.0.0.1:40000", "127.0.0.1:6379");
}
