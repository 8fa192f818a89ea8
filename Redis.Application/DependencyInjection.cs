using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Application.Routing;
using Redis.Application.Scripting;
using Redis.Application.Sessions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the application layer: validators, the command table and the router.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers every validator and the command table, each found by one scan of this assembly at start-up, so adding
    /// a command is adding a folder. The mediator itself is added by the composition root.
    /// </summary>
    public static IServiceCollection AddRedisApplication(this IServiceCollection services)
    {
        var assembly = typeof(CommandRouter).Assembly;

        // Singletons, because the mediator and its pipeline are singletons and consume them.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        // Binders need no services: the table's own scan creates them (CommandTable.FromAssembly), one set per server,
        // so their specs' INFO commandstats counters are this server's.
        services.TryAddSingleton(_ => CommandTable.FromAssembly());
        services.TryAddSingleton<ServerStatistics>();
        services.TryAddSingleton<ErrorStatistics>();
        services.TryAddSingleton<DefaultUser>();
        services.TryAddSingleton<PubSubRegistry>();
        services.TryAddSingleton<KeyspaceEvents>();
        services.TryAddSingleton<ClientRegistry>();
        services.TryAddSingleton<ClientPause>();
        services.TryAddSingleton<BlockedClients>();
        services.TryAddSingleton<SlowLog>();
        services.TryAddSingleton<RunningScript>();
        services.TryAddSingleton<CommandPropagation>();
        services.TryAddSingleton<Redis.Application.Memory.MemoryLimit>();
        services.TryAddSingleton<Redis.Application.Replication.ReplicationState>();
        services.TryAddSingleton<Redis.Application.Cluster.ClusterState>();
        services.TryAddSingleton<Redis.Application.Cluster.ClusterRouting>();
        services.TryAddSingleton<CommandRouter>();
        return services;
    }
}
