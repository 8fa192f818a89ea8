using Microsoft.Extensions.Configuration;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Persistence;
using Redis.Infrastructure.Transport;
using Redis.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = ServerCommandLine.WithoutFlags(args),

    // appsettings.json sits beside the binary, wherever the server is started from.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddCommandLine(ServerCommandLine.WithoutFlags(args), ServerCommandLine.SwitchMappings);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});
if (ServerCommandLine.IsVerbose(args))
{
    // A category rule, so it wins over appsettings.json's default level.
    builder.Logging.AddFilter("Redis", LogLevel.Debug);
}

builder.Services.AddRedisServer(builder.Configuration);
using var host = builder.Build();

try
{
    // Bind before the host starts, so "address in use" is one clear line rather than a hosting stack trace.
    host.Services.GetRequiredService<IServerTransport>().Start();
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine(ServerCommandLine.AddressInUseMessage(builder.Configuration));
    return 1;
}
catch (PlatformNotSupportedException e)
{
    // io-model event-loop off Linux.
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e) when (ServerCommandLine.InvalidSettingMessage(e) is { } message)
{
    // A setting out of range or of the wrong type: one line naming it, not a stack trace.
    Console.Error.WriteLine(message);
    return 1;
}

var options = host.Services.GetRequiredService<IOptions<RedisServerOptions>>().Value;
try
{
    // Before the host starts, so a file that cannot be loaded is one clear line and exit code 1, as Redis exits.
    host.Services.GetRequiredService<PersistenceHostedService>().LoadDataFromDisk();
}
catch (Exception e) when (e is RdbFormatException or AofFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(options.AppendOnly
        ? $"Could not load the append-only files in {host.Services.GetRequiredService<AppendOnlyFile>().DirectoryPath}: {e.Message}"
        : $"Could not load the RDB file {host.Services.GetRequiredService<RdbPersistence>().FilePath}: {e.Message}");
    return 1;
}

await host.RunAsync();
return 0;
