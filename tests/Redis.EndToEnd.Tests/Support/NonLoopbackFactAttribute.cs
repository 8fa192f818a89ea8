using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Redis.EndToEnd.Tests.Support;

/// <summary>A fact that needs an IPv4 address of this machine other than loopback; skipped, with the reason, on a machine without one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (Address is null)
        {
            Skip = "This machine has no non-loopback IPv4 address (no network interface is up with one), " +
                "so no client can connect from outside the loopback interface.";
        }
    }

    /// <summary>The first IPv4 address of an interface that is up, other than loopback; null when there is none.</summary>
    public static IPAddress? Address { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(i => i.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
