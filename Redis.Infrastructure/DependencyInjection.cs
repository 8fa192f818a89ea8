using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Diagnostics;
using Redis.Infrastructure.Transport;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the infrastructure layer: options, the clock, the keyspace and the blocking transport.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    public static IServiceCollection AddRedisInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisServerOptions>()
            .Bind(configuration.GetSection(RedisServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // TryAdd, so a test that registered a FakeTimeProvider first keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new Keyspace());
        services.TryAddSingleton<IServerSettings, ServerSettings>();
        services.TryAddSingleton<IListenBacklog, ProcNetTcpBacklog>();
        services.TryAddSingleton<ActiveExpiry>();
        services.TryAddSingleton<ServerMetrics>();
        services.TryAddSingleton<CommandProcessor>();
        services.TryAddSingleton<BlockingServer>();
        services.AddHostedService<ServerHostedService>();
        return services;
    }
}
