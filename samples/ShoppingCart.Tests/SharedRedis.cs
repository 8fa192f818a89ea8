using Redis.Hosting.Xunit;

namespace ShoppingCart.Tests;

/// <summary>One server for every test class in the collection: started once, on one fake clock.</summary>
[CollectionDefinition(Name)]
public sealed class SharedRedis : ICollectionFixture<RedisCleanFixture>
{
    public const string Name = "redis";
}
