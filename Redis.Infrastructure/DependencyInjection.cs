using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.PubSub;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Diagnostics;
using Redis.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Redis.Infrastructure.Transport;
using Redis.Infrastructure.Transport.EventLoop;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the infrastructure layer: options, the clock, the databases and the transport <c>io-model</c> names.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    public static IServiceCollection AddRedisInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisServerOptions>()
            .Bind(configuration.GetSection(RedisServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Redis's own default for timeout is 0; 300 exists for the blocking transport, where an idle client holds
        // everyone (ADR 0010). The event loop keeps Redis's 0 unless timeout is set.
        services.PostConfigure<RedisServerOptions>(options =>
        {
            if (options.UsesEventLoop && configuration.GetSection(RedisServerOptions.SectionName)[nameof(RedisServerOptions.Timeout)] is null)
            {
                options.Timeout = 0;
            }
        });

        // With the event loop every client is a descriptor: make room for maxclients of them, or lower it to what fits
        // (Redis's adjustOpenFilesLimit); CONFIG GET and the loop then see the effective value. The options are built
        // more than once (IOptions, and the monitor that ValidateOnStart reads): the limit is fitted and logged once.
        var fitted = new ConcurrentDictionary<int, int>();
        services.AddOptions<RedisServerOptions>().PostConfigure<ILoggerFactory>((options, loggers) =>
        {
            if (options.UsesEventLoop && OperatingSystem.IsLinux() && options.MaxClients is >= 1 and <= RedisServerOptions.MaxClientsLimit)
            {
                options.MaxClients = fitted.GetOrAdd(options.MaxClients,
                    requested => OpenFilesLimit.Adjust(requested, new ProcessOpenFilesLimit(), loggers.CreateLogger<EventLoopServer>()));
            }
        });

        // TryAdd, so a test that registered a FakeTimeProvider first keeps it; --clock manual gets one DEBUG CLOCK moves.
        services.TryAddSingleton<TimeProvider>(provider =>
            provider.GetRequiredService<IOptions<RedisServerOptions>>().Value.Clock == ClockModes.Manual
                ? new ManualClock(TimeProvider.System.GetUtcNow())
                : TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            // The keyspaces report new, expired and missed keys to the notifications while those classes are on.
            var databases = new Databases(provider.GetRequiredService<IOptions<RedisServerOptions>>().Value.Databases);
            var options = provider.GetRequiredService<IOptions<RedisServerOptions>>().Value;
            var events = provider.GetRequiredService<KeyspaceEvents>();
            events.Classes = ServerSettings.NotifyClasses(options);
            provider.GetRequiredService<IServerSettings>().Changed += name =>
            {
                if (name == "notify-keyspace-events")
                {
                    events.Classes = ServerSettings.NotifyClasses(options);
                }
            };
            events.Attach(databases);
            return databases;
        });
        services.TryAddSingleton<IServerSettings, ServerSettings>();
        services.TryAddSingleton<IListenBacklog, ProcNetTcpBacklog>();
        services.TryAddSingleton<IServerLifetime, ServerLifetime>();
        services.TryAddSingleton<BackgroundChild>();
        services.TryAddSingleton<RdbPersistence>();
        services.TryAddSingleton<AppendOnlyFile>();
        services.TryAddSingleton<IAppendOnlyFile>(provider => provider.GetRequiredService<AppendOnlyFile>());
        services.TryAddSingleton<IValueSerializer, DumpPayload>();
        services.TryAddSingleton<IPersistence>(provider => provider.GetRequiredService<RdbPersistence>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICronJob, RdbPersistence>(provider => provider.GetRequiredService<RdbPersistence>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICronJob, AppendOnlyFile>(provider => provider.GetRequiredService<AppendOnlyFile>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICronJob, EvictionCron>());
        services.TryAddSingleton<Redis.Infrastructure.Replication.ReplicationLinks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICronJob, Redis.Infrastructure.Replication.ReplicationLinks>(provider => provider.GetRequiredService<Redis.Infrastructure.Replication.ReplicationLinks>()));
        services.TryAddSingleton<ActiveExpiry>();
        services.TryAddSingleton<Redis.Application.Scripting.IScriptEngine, Redis.Infrastructure.Scripting.LuaScriptEngine>();
        services.TryAddSingleton<ServerMetrics>();
        services.TryAddSingleton<CommandProcessor>();
        services.TryAddSingleton(provider =>
        {
            // CONFIG SET client-output-buffer-limit applies to every client at once, as in Redis.
            var options = provider.GetRequiredService<IOptions<RedisServerOptions>>().Value;
            var limiter = new OutputBufferLimiter(options.ToOutputBufferLimits(), provider.GetRequiredService<TimeProvider>());
            provider.GetRequiredService<IServerSettings>().Changed += name =>
            {
                if (name == "client-output-buffer-limit")
                {
                    limiter.Limits = options.ToOutputBufferLimits();
                }
            };
            return limiter;
        });
        services.TryAddSingleton(provider =>
        {
            // One instance shared by every connection's reader, so CONFIG SET proto-max-bulk-len reaches them all.
            var options = provider.GetRequiredService<IOptions<RedisServerOptions>>().Value;
            var limits = options.ToProtocolLimits();
            provider.GetRequiredService<IServerSettings>().Changed += name =>
            {
                if (name == "proto-max-bulk-len")
                {
                    limits.MaxBulkLength = options.ProtoMaxBulkLen;
                }
            };
            return limits;
        });
        services.TryAddSingleton<BlockingServer>();
        services.TryAddSingleton<EventLoopServer>();
        services.TryAddSingleton<IServerTransport>(provider =>
            provider.GetRequiredService<IOptions<RedisServerOptions>>().Value.UsesEventLoop
                ? provider.GetRequiredService<EventLoopServer>()
                : provider.GetRequiredService<BlockingServer>());
        // Before the transport's: it loads the dataset first and makes the final save after the serving thread stopped.
        services.TryAddSingleton<PersistenceHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<PersistenceHostedService>());
        // Before the transport's: a cluster node binds its bus port and loads nodes.conf before serving (nothing without cluster-enabled).
        services.AddHostedService<Redis.Infrastructure.Cluster.ClusterBus>();
        services.AddHostedService<ServerHostedService>();
        return services;
    }
}
