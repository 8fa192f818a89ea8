using Redis.Application.Commands.Object;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Object;

public sealed class ObjectCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly ObjectCommandBinder _binder = new();
    private readonly TestSettings _settings = new(new("maxmemory", "0"), new("maxmemory-policy", "noeviction"));
    private readonly MemoryLimit _memory;

    public ObjectCommandHandlerTests()
    {
        var databases = new Databases(1);
        _memory = new MemoryLimit(databases, _settings, TestEvents.Off, new CommandPropagation(databases), new ServerStatistics(), TimeProvider.System, startupBytes: 0);
    }

    [Fact]
    public async Task AnIntegerIsNotSharedUnderMaxmemoryWithAnLruOrLfuPolicy()
    {
        _keyspace.Set("k"u8, "5"u8);
        Assert.Null(_settings.TrySet([new("maxmemory", "1000000000"), new("maxmemory-policy", "allkeys-lru")]));
        Assert.Equal(Reply.Integer(1), await Run("OBJECT REFCOUNT k"));

        Assert.Null(_settings.TrySet([new("maxmemory-policy", "volatile-ttl")]));
        Assert.Equal(Reply.Integer(ObjectCommandHandler.SharedRefCount), await Run("OBJECT REFCOUNT k"));
    }

    [Theory]
    [InlineData("100", "int", ObjectCommandHandler.SharedRefCount)]
    [InlineData("10000", "int", 1)]
    [InlineData("-1", "int", 1)]
    [InlineData("hello", "embstr", 1)]
    [InlineData("a23456789012345678901234567890123456789012345", "raw", 1)]
    public async Task AnswersEncodingAndRefCount(string value, string encoding, long refCount)
    {
        _keyspace.Set("k"u8, Binding.Bytes(value));

        Assert.Equal(Reply.Bulk(encoding), await Run("OBJECT ENCODING k"));
        Assert.Equal(Reply.Integer(refCount), await Run("OBJECT REFCOUNT k"));
    }

    [Fact]
    public async Task AnswersNilForAMissingKeyAndTheLfuErrorOtherwise()
    {
        Assert.Equal(Reply.Nil, await Run("OBJECT FREQ missing"));
        _keyspace.Set("k"u8, "v"u8);
        Assert.StartsWith("ERR An LFU maxmemory policy is not selected", Binding.ErrorText(await Run("OBJECT FREQ k")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdletimeIsTheSecondsSinceTheLastAccessAndFreqTheCounterUnderLfu()
    {
        _keyspace.AccessClock.Set(TestClock.StartUnixMilliseconds - 42_000);
        _keyspace.Set("k"u8, "v"u8);
        _keyspace.AccessClock.Set(TestClock.StartUnixMilliseconds);

        Assert.Equal(Reply.Integer(42), await Run("OBJECT IDLETIME k"));
        await Run("OBJECT ENCODING k");
        Assert.Equal(Reply.Integer(42), await Run("OBJECT IDLETIME k"));
        Assert.Equal(Reply.Nil, await Run("OBJECT IDLETIME missing"));

        _keyspace.AccessClock.CountsFrequency = true;
        _keyspace.Set("f"u8, "v"u8);
        Assert.Equal(Reply.Integer(5), await Run("OBJECT FREQ f"));
        Assert.StartsWith("ERR An LFU maxmemory policy is selected, idle time not tracked.", Binding.ErrorText(await Run("OBJECT IDLETIME f")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OBJECT ENCODING", "ERR wrong number of arguments for 'object|encoding' command")]
    [InlineData("OBJECT HELP x", "ERR wrong number of arguments for 'object|help' command")]
    [InlineData("OBJECT IDLE k", "ERR unknown subcommand 'IDLE'. Try OBJECT HELP.")]
    public void RefusesBadForms(string request, string expected) => Assert.Equal(expected, _binder.Bind(request).AssertError());

    private async Task<Reply> Run(string request) =>
        await new ObjectCommandHandler(_memory, TestClock.Create()).Handle(
            _binder.Bind(CommandArgs.From(request.Split(' ')), keyspace: _keyspace).AssertCommand<ObjectCommand>(), CancellationToken.None);
}
