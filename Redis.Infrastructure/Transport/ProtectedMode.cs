using System.Net;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Transport;

/// <summary>Redis's protected mode: while no password is set, only clients on the loopback interface are served.</summary>
public static class ProtectedMode
{
    /// <summary>True when a client connecting from <paramref name="remote"/> must get <c>-DENIED</c> and be closed.</summary>
    public static bool Denies(RedisServerOptions options, EndPoint? remote) =>
        options.ProtectedMode &&
        string.IsNullOrEmpty(options.RequirePass) &&
        remote is IPEndPoint ip &&
        !IPAddress.IsLoopback(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address);
}
