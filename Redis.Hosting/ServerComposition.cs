using Mediator;
using Microsoft.Extensions.Configuration;
using Redis.Application.Behaviors;
using Redis.Application.Commands.Ping;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The whole server's object graph, built the same way by <c>Program</c> and by the end-to-end tests.</summary>
public static class ServerComposition
{
    /// <summary>Adds every layer and the one mediator of the solution.</summary>
    /// <remarks>
    /// The Mediator source generator runs in this project only, and this is its only <c>AddMediator</c> call: the
    /// generator finds the handlers in the Application assembly and wires the validation behaviour around them.
    /// </remarks>
    public static IServiceCollection AddRedisServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisApplication();
        services.AddRedisInfrastructure(configuration);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.Assemblies = [typeof(PingCommand)];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        return services;
    }
}
