namespace Redis.EndToEnd.Tests.Support;

/// <summary>Tests sharing one default server; a test class with its own settings uses its own fixture instead.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
