namespace Redis.EndToEnd.Tests.Support;

/// <summary>
/// Marks a test class that runs on one transport only, with the reason; every other class that uses a server is a
/// suite's <c>Blocking</c> or <c>EventLoop</c> class (<see cref="TransportCoverageTests"/> checks).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransportSpecificAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
