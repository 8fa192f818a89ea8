namespace Redis.EndToEnd.Tests.Support;

/// <summary>
/// Marks a test class that runs on one transport only, with the reason; every other class that uses a server runs an
/// abstract suite that some class runs on each transport (<see cref="TransportCoverageTests"/> checks).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransportSpecificAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
