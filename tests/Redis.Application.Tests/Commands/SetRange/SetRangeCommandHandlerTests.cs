using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.SetRange;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.SetRange;

public class SetRangeCommandHandlerTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly SetRangeCommandHandler _handler;

    public SetRangeCommandHandlerTests()
    {
        _handler = new SetRangeCommandHandler(_time, TestSettings.None, TestEvents.Off);
    }

    [Fact]
    public async Task PadsWithZeroBytesAndCreatesTheKeyWithoutTtlGivenMissingKey()
    {
        Assert.Equal(Reply.Integer(5), await SetRange("k", 3, "ab"));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Start, out var entry));
        Assert.Equal("\0\0\0ab"u8.ToArray(), entry.Value);
        Assert.False(entry.HasExpiry);
    }

    [Fact]
    public async Task OverwritesPartOfTheValueAndKeepsTheTtl()
    {
        _keyspace.Set("k"u8, "hello"u8, Start + 5000);

        Assert.Equal(Reply.Integer(5), await SetRange("k", 1, "EL"));

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Start, out var entry));
        Assert.Equal("hELlo"u8.ToArray(), entry.Value);
        Assert.Equal(Start + 5000, entry.ExpiresAt);
    }

    [Fact]
    public async Task AnswersTheLengthAndCreatesNothingGivenAnEmptyValue()
    {
        _keyspace.Set("k"u8, "abc"u8);

        Assert.Equal(Reply.Integer(3), await SetRange("k", 10, ""));
        Assert.Equal(Reply.Zero, await SetRange("missing", 10, ""));

        Assert.False(_keyspace.Exists("missing"u8, Start));
    }

    [Fact]
    public async Task RefusesAResultLongerThanProtoMaxBulkLen()
    {
        Assert.Equal(Errors.StringTooLong, await SetRange("k", 512L * 1024 * 1024, "x"));

        Assert.Equal(0, _keyspace.Count);
    }

    private ValueTask<Reply> SetRange(string key, long offset, string value) =>
        _handler.Handle(
            new SetRangeCommand(_keyspace, System.Text.Encoding.UTF8.GetBytes(key), offset, System.Text.Encoding.UTF8.GetBytes(value)),
            CancellationToken.None);
}
