using Redis.Application.Commands.Set;

namespace Redis.Application.Tests.Commands.Set;

public class SetCommandValidatorTests
{
    private readonly SetCommandValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData(1L)]
    [InlineData(long.MaxValue / 1000)]
    public void AcceptsExpireSecondsThatCountInMilliseconds(long? seconds)
    {
        var result = _validator.Validate(new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), seconds));

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MinValue)]
    [InlineData((long.MaxValue / 1000) + 1)]
    [InlineData(long.MaxValue)]
    public void RejectsWithInvalidExpireTimeGivenNonPositiveOrOverflowingSeconds(long seconds)
    {
        var result = _validator.Validate(new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), seconds));

        var failure = Assert.Single(result.Errors);
        Assert.Equal("ERR invalid expire time in 'set' command", failure.ErrorMessage);
    }
}
