using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Exists;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Exists;

public class ExistsCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ExistsCommandHandler _handler;

    public ExistsCommandHandlerTests()
    {
        _handler = new ExistsCommandHandler(_time);
        _keyspace.Set("a"u8, "1"u8.ToArray());
        _keyspace.Set("b"u8, "2"u8.ToArray());
    }

    [Theory]
    [InlineData(new[] { "missing" }, 0)]
    [InlineData(new[] { "a" }, 1)]
    [InlineData(new[] { "a", "b", "missing" }, 2)]
    [InlineData(new[] { "a", "a", "a", "missing" }, 3)]
    public async Task CountsExistingKeysIncludingDuplicates(string[] keys, long expected)
    {
        Assert.Equal(Reply.Integer(expected), await Exists(keys));
    }

    [Fact]
    public async Task DoesNotCountKeyWhoseTtlElapsed()
    {
        _keyspace.Set("volatile"u8, "v"u8.ToArray(), Start + 1000);
        _time.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Equal(Reply.Integer(1), await Exists("a", "volatile"));
    }

    private ValueTask<Reply> Exists(params string[] keys) =>
        _handler.Handle(new ExistsCommand(_keyspace, [.. keys.Select(k => new ReadOnlyMemory<byte>(Binding.Bytes(k)))]), CancellationToken.None);
}
