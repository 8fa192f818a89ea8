using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Commands.Set;

public class SetCommandValidatorTests
{
    private readonly SetCommandValidator _validator = new();

    [Theory]
    [InlineData(ExpiryKind.None, 0L)]
    [InlineData(ExpiryKind.KeepTtl, 0L)]
    [InlineData(ExpiryKind.Seconds, 1L)]
    [InlineData(ExpiryKind.Seconds, long.MaxValue / 1000)]
    [InlineData(ExpiryKind.UnixSeconds, long.MaxValue / 1000)]
    [InlineData(ExpiryKind.Milliseconds, long.MaxValue)]
    [InlineData(ExpiryKind.UnixMilliseconds, 1L)]
    public void AcceptsNoTimeOrAPositiveTimeThatCountsInMilliseconds(ExpiryKind kind, long value)
    {
        var result = _validator.Validate(Set(new ExpiryOption(kind, value)));

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(ExpiryKind.Seconds, 0L)]
    [InlineData(ExpiryKind.Seconds, -5L)]
    [InlineData(ExpiryKind.Seconds, long.MinValue)]
    [InlineData(ExpiryKind.Seconds, (long.MaxValue / 1000) + 1)]
    [InlineData(ExpiryKind.Seconds, long.MaxValue)]
    [InlineData(ExpiryKind.UnixSeconds, (long.MaxValue / 1000) + 1)]
    [InlineData(ExpiryKind.Milliseconds, 0L)]
    [InlineData(ExpiryKind.UnixMilliseconds, -1L)]
    public void RejectsWithInvalidExpireTimeGivenANonPositiveOrOverflowingTime(ExpiryKind kind, long value)
    {
        var result = _validator.Validate(Set(new ExpiryOption(kind, value)));

        var failure = Assert.Single(result.Errors);
        Assert.Equal("ERR invalid expire time in 'set' command", failure.ErrorMessage);
    }

    private static SetCommand Set(ExpiryOption expiry) => new(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), expiry);
}
