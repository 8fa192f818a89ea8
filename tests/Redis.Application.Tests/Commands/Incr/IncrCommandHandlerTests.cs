using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.Incr;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Incr;

public class IncrCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly IncrCommandHandler _handler;

    public IncrCommandHandlerTests()
    {
        _handler = new IncrCommandHandler(_time, TestEvents.Off);
    }

    [Fact]
    public async Task CountsFromZeroGivenMissingKey()
    {
        Assert.Equal(Reply.Integer(5), await Incr("n", 5));
        Assert.Equal(Reply.Integer(-1), await Incr("n", -6));
        Assert.Equal(KeyLookup.Found, _keyspace.Get("n"u8, Start, out var entry));
        Assert.Equal("-1"u8.ToArray(), entry.Value);
    }

    [Fact]
    public async Task KeepsTheTtl()
    {
        _keyspace.Set("n"u8, "1"u8.ToArray(), Start + 5000);

        await Incr("n", 1);

        Assert.Equal(KeyLookup.Found, _keyspace.Get("n"u8, Start, out var entry));
        Assert.Equal(Start + 5000, entry.ExpiresAt);
    }

    [Theory]
    [InlineData("9223372036854775807", 1)]
    [InlineData("-9223372036854775808", -1)]
    [InlineData("1", long.MaxValue)]
    public async Task RefusesOverflow(string value, long increment)
    {
        _keyspace.Set("n"u8, System.Text.Encoding.ASCII.GetBytes(value));

        Assert.Equal(Errors.IncrementOverflow, await Incr("n", increment));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData("")]
    [InlineData("123456789012345678901")]
    [InlineData("1000000000000000000000000000000000000000")]
    public async Task RefusesAValueThatIsNotAStrictInteger(string value)
    {
        _keyspace.Set("n"u8, System.Text.Encoding.ASCII.GetBytes(value));

        Assert.Equal(Errors.NotAnInteger, await Incr("n", 1));
    }

    [Fact]
    public async Task WritesTheNewDigitsOverTheOldWhenTheLengthIsTheSame()
    {
        _keyspace.Set("n"u8, "41"u8);
        _keyspace.Get("n"u8, Start, out var before);
        _keyspace.EndCommand();

        Assert.Equal(Reply.Integer(42), await Incr("n", 1));

        // INCR copies the digits instead of viewing them, so the keyspace may write the result in place.
        Assert.Equal("42"u8.ToArray(), before.Value.ToArray());
    }

    [Fact]
    public void DecrbyRefusesTheIncrementThatCannotBeNegated()
    {
        Assert.Equal(
            "ERR decrement would overflow",
            new DecrByCommandBinder().Bind("DECRBY n -9223372036854775808").AssertError());
    }

    private ValueTask<Reply> Incr(string key, long increment) =>
        _handler.Handle(new IncrCommand(_keyspace, System.Text.Encoding.UTF8.GetBytes(key), increment), CancellationToken.None);
}
