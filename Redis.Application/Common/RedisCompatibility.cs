namespace Redis.Application.Common;

/// <summary>The Redis release whose behaviour this server reproduces, as <c>INFO</c> and <c>HELLO</c> report it.</summary>
/// <remarks>
/// Clients read <c>redis_version</c> to decide which commands they may send (StackExchange.Redis, for example, uses
/// <c>SCAN</c> only from 2.8 on). Every reply and error text was compared with redis-server 7.0.15, so that is the
/// version announced; see docs/commands.md for the few places where the server differs.
/// </remarks>
public static class RedisCompatibility
{
    public const string Version = "7.0.15";
}
