using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.IncrByFloat;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.IncrByFloat;

public class IncrByFloatCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly IncrByFloatCommandHandler _handler;

    public IncrByFloatCommandHandlerTests()
    {
        _handler = new IncrByFloatCommandHandler(_time, TestEvents.Off, TestPropagation.Off);
    }

    [Fact]
    public async Task CountsFromZeroAndStoresWithoutTtlGivenMissingKey()
    {
        Assert.Equal(Reply.Bulk("1.5"u8.ToArray()), await IncrByFloat("n", "1.5"));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("n"u8, Start, out var entry));
        Assert.Equal("1.5"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
    }

    [Fact]
    public async Task KeepsTheTtl()
    {
        _keyspace.Set("n"u8, "10"u8, Start + 5000);

        Assert.Equal(Reply.Bulk("10.5"u8.ToArray()), await IncrByFloat("n", "0.5"));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("n"u8, Start, out var entry));
        Assert.Equal(Start + 5000, entry.ExpiresAt);
    }

    [Fact]
    public async Task RefusesAValueThatIsNotAFloat()
    {
        _keyspace.Set("n"u8, "abc"u8);

        Assert.Equal(Errors.NotAFloat, await IncrByFloat("n", "1"));
    }

    private ValueTask<Reply> IncrByFloat(string key, string increment)
    {
        Assert.True(LongDouble.TryParse(System.Text.Encoding.ASCII.GetBytes(increment), out var parsed));
        return _handler.Handle(new IncrByFloatCommand(_keyspace, System.Text.Encoding.UTF8.GetBytes(key), parsed), CancellationToken.None);
    }
}
