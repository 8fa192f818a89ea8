using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the application layer: validators, the command table and the router.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers every validator and every command binder in this assembly, found by scanning once at start-up,
    /// so adding a command is adding a folder. The mediator itself is added by the composition root.
    /// </summary>
    public static IServiceCollection AddRedisApplication(this IServiceCollection services)
    {
        var assembly = typeof(CommandRouter).Assembly;

        // Singletons, because the mediator and its pipeline are singletons and consume them.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        foreach (var binder in assembly.GetTypes().Where(t =>
                     t is { IsAbstract: false, IsInterface: false } && typeof(ICommandBinder).IsAssignableFrom(t)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(ICommandBinder), binder));
        }

        services.TryAddSingleton<ServerStatistics>();
        services.TryAddSingleton<DefaultUser>();
        services.TryAddSingleton<ClientRegistry>();
        services.TryAddSingleton<CommandTable>();
        services.TryAddSingleton<CommandRouter>();
        return services;
    }
}
