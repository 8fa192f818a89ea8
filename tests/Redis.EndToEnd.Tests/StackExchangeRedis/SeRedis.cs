using System.Net;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Connects StackExchange.Redis the way a one-client-at-a-time server needs.</summary>
/// <remarks>
/// The library opens a second connection for pub/sub unless SUBSCRIBE is disabled; with a server that serves one
/// client at a time that connection would wait forever, so the command map removes it. <c>AllowAdmin</c> enables
/// <c>FLUSHDB</c> and <c>INFO</c> through <see cref="IServer"/>.
/// </remarks>
internal static class SeRedis
{
    public static Task<ConnectionMultiplexer> ConnectAsync(EndPoint endPoint, string? password = null, string? user = null) =>
        ConnectionMultiplexer.ConnectAsync(Options(endPoint, password, user));

    public static ConfigurationOptions Options(EndPoint endPoint, string? password = null, string? user = null) => new()
    {
        EndPoints = { endPoint },
        CommandMap = CommandMap.Create(new HashSet<string> { "SUBSCRIBE" }, available: false),
        AbortOnConnectFail = true,
        AllowAdmin = true,
        ConnectTimeout = 10_000,
        SyncTimeout = 10_000,
        AsyncTimeout = 10_000,
        Password = password,
        User = user,
    };
}
