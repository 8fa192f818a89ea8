namespace Redis.Client.Tests.Support;

/// <summary>Every test that talks to the in-process server; they run one after another, as the server serves one client at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
