using Microsoft.Extensions.Time.Testing;
using Redis.Application.Commands.GetRange;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.GetRange;

/// <summary>Offsets clamped as Redis's <c>getrangeCommand</c> clamps them; expected values from redis-server 7.0.15.</summary>
public class GetRangeCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly FakeTimeProvider _time = TestClock.Create();

    [Theory]
    [InlineData(0, 3, "Hell")]
    [InlineData(-3, -1, "rld")]
    [InlineData(0, -1, "Hello World")]
    [InlineData(10, 100, "d")]
    [InlineData(5, 3, "")]
    [InlineData(-1, -5, "")]
    [InlineData(-100, -50, "H")]
    [InlineData(-100, 1, "He")]
    [InlineData(1, -100, "")]
    [InlineData(0, long.MaxValue, "Hello World")]
    [InlineData(long.MinValue, -1, "Hello World")]
    public async Task ClampsOffsetsAsRedis(long start, long end, string expected)
    {
        _keyspace.Set("s"u8, "Hello World"u8.ToArray());
        var handler = new GetRangeCommandHandler(_time);

        var reply = await handler.Handle(new GetRangeCommand(_keyspace, "s"u8.ToArray(), start, end), CancellationToken.None);

        Assert.Equal(Reply.Bulk(expected), reply);
    }
}
