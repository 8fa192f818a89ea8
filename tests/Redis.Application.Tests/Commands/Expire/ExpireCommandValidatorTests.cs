using Redis.Application.Commands.Expire;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Commands.Expire;

public class ExpireCommandValidatorTests
{
    private readonly ExpireCommandValidator _validator = new();

    [Theory]
    [InlineData(1L)]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MaxValue / 1000)]
    [InlineData(long.MinValue / 1000)]
    public void AcceptsSecondsThatCountInMillisecondsIncludingZeroAndNegative(long seconds)
    {
        Assert.True(_validator.Validate(new ExpireCommand(new Keyspace(), "k"u8.ToArray(), seconds)).IsValid);
    }

    [Theory]
    [InlineData((long.MaxValue / 1000) + 1)]
    [InlineData((long.MinValue / 1000) - 1)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void RejectsWithInvalidExpireTimeGivenSecondsThatOverflowInMilliseconds(long seconds)
    {
        var result = _validator.Validate(new ExpireCommand(new Keyspace(), "k"u8.ToArray(), seconds));

        var failure = Assert.Single(result.Errors);
        Assert.Equal("ERR invalid expire time in 'expire' command", failure.ErrorMessage);
    }
}
