using Microsoft.Extensions.Options;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Tests.Configuration;

public sealed class ServerSettingsTests
{
    private readonly RedisServerOptions _options = new();
    private readonly ServerSettings _settings;
    private readonly List<string> _changed = [];

    public ServerSettingsTests()
    {
        _settings = new ServerSettings(Options.Create(_options));
        _settings.Changed += _changed.Add;
    }

    [Fact]
    public void StoresEveryValueAndRaisesChangedForEach()
    {
        Assert.Null(Set(("timeout", "7"), ("slowlog-log-slower-than", "0"), ("protected-mode", "NO")));

        Assert.Equal(7, _options.Timeout);
        Assert.Equal(0, _options.SlowlogLogSlowerThan);
        Assert.False(_options.ProtectedMode);
        Assert.Equal(["timeout", "slowlog-log-slower-than", "protected-mode"], _changed);
        Assert.Contains(new KeyValuePair<string, string>("timeout", "7"), _settings.Parameters);
    }

    [Theory]
    [InlineData("foo", "1", "ERR Unknown option or number of arguments for CONFIG SET - 'foo'")]
    [InlineData("tcp-backlog", "5", "ERR CONFIG SET failed (possibly related to argument 'tcp-backlog') - can't set immutable config")]
    [InlineData("timeout", "abc", "ERR CONFIG SET failed (possibly related to argument 'timeout') - argument couldn't be parsed into an integer")]
    [InlineData("timeout", "-1", "ERR CONFIG SET failed (possibly related to argument 'timeout') - argument must be between 0 and 2147483647 inclusive")]
    [InlineData("proto-max-bulk-len", "-5", "ERR CONFIG SET failed (possibly related to argument 'proto-max-bulk-len') - argument must be a memory value")]
    [InlineData("proto-max-bulk-len", "1kb", "ERR CONFIG SET failed (possibly related to argument 'proto-max-bulk-len') - argument must be between 1048576 and 9223372036854775807 inclusive")]
    [InlineData("protected-mode", "maybe", "ERR CONFIG SET failed (possibly related to argument 'protected-mode') - argument must be 'yes' or 'no'")]
    [InlineData("client-output-buffer-limit", "normal 1 2", "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - Wrong number of arguments in buffer limit configuration.")]
    [InlineData("maxclients", "0", "ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument must be between 1 and 4294967295 inclusive")]
    [InlineData("save", "3600 1 60", "ERR CONFIG SET failed (possibly related to argument 'save') - Invalid save parameters")]
    [InlineData("dir", "/tmp", "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config")]
    [InlineData("maxmemory", "-1", "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value")]
    [InlineData("maxmemory", "10 mb", "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value")]
    [InlineData("maxmemory-policy", "lru", "ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction")]
    [InlineData("maxmemory-samples", "0", "ERR CONFIG SET failed (possibly related to argument 'maxmemory-samples') - argument must be between 1 and 2147483647 inclusive")]
    [InlineData("maxmemory-eviction-tenacity", "101", "ERR CONFIG SET failed (possibly related to argument 'maxmemory-eviction-tenacity') - argument must be between 0 and 100 inclusive")]
    [InlineData("lfu-log-factor", "-1", "ERR CONFIG SET failed (possibly related to argument 'lfu-log-factor') - argument must be between 0 and 2147483647 inclusive")]
    [InlineData("lfu-decay-time", "x", "ERR CONFIG SET failed (possibly related to argument 'lfu-decay-time') - argument couldn't be parsed into an integer")]
    public void RefusesWithRedisText(string name, string value, string expected)
    {
        Assert.Equal(expected, Set((name, value)));
        Assert.Empty(_changed);
    }

    [Theory]
    [InlineData("100mb", "104857600")]
    [InlineData("1gb", "1073741824")]
    [InlineData("5k", "5000")]
    [InlineData("0", "0")]
    public void MaxMemoryTakesRedisUnitsAndShowsBytes(string value, string shown)
    {
        Assert.Null(Set(("maxmemory", value)));

        Assert.Contains(new KeyValuePair<string, string>("maxmemory", shown), _settings.Parameters);
        Assert.Equal(["maxmemory"], _changed);
    }

    [Fact]
    public void TheEvictionSettingsChangeAtRunTime()
    {
        Assert.Null(Set(("maxmemory-policy", "ALLKEYS-LRU"), ("maxmemory-samples", "10"), ("maxmemory-eviction-tenacity", "100"), ("lfu-log-factor", "0"), ("lfu-decay-time", "0")));

        Assert.Contains(new KeyValuePair<string, string>("maxmemory-policy", "allkeys-lru"), _settings.Parameters);
        Assert.Equal((10, 100, 0, 0), (_options.MaxMemorySamples, _options.MaxMemoryEvictionTenacity, _options.LfuLogFactor, _options.LfuDecayTime));
    }

    [Fact]
    public void OneBadValueChangesNothing()
    {
        Assert.NotNull(Set(("timeout", "9"), ("hz", "x")));

        Assert.Equal(300, _options.Timeout);
        Assert.Empty(_changed);
    }

    [Fact]
    public void TheFirstBadNameWinsAndRepeatsAreRefusedWhateverTheCase()
    {
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
            Set(("timeout", "5"), ("databases", "3"), ("foo", "1")));
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'TIMEOUT') - duplicate parameter",
            Set(("timeout", "1"), ("TIMEOUT", "2")));
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("1000", 500)]
    [InlineData("42", 42)]
    public void HzIsCappedAsRedisCapsIt(string value, int expected)
    {
        Assert.Null(Set(("hz", value)));
        Assert.Equal(expected, _options.Hz);
    }

    [Fact]
    public void OutputBufferLimitChangesOnlyTheClassesNamed()
    {
        Assert.Null(Set(("client-output-buffer-limit", "pubsub 1mb 0 0")));
        Assert.Null(Set(("client-output-buffer-limit", "normal 2mb 1mb 10")));

        Assert.Equal("normal 2097152 1048576 10 slave 268435456 67108864 60 pubsub 1048576 0 0",
            _settings.Parameters.Single(p => p.Key == "client-output-buffer-limit").Value);
    }

    [Fact]
    public void AnAliasSetsItsSetting()
    {
        Assert.Null(Set(("slave-read-only", "no")));
        Assert.Equal("no", _settings.Parameters.Single(p => p.Key == "replica-read-only").Value);
        Assert.Equal("no", _settings.Parameters.Single(p => p.Key == "slave-read-only").Value);
    }

    private string? Set(params (string Name, string Value)[] changes) =>
        _settings.TrySet([.. changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value))]);
}
