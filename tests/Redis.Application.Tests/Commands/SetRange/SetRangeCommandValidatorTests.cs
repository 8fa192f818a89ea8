using Redis.Application.Commands.SetRange;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Commands.SetRange;

public class SetRangeCommandValidatorTests
{
    private readonly SetRangeCommandValidator _validator = new();

    [Theory]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public void AcceptsAnOffsetThatIsNotNegative(long offset)
    {
        Assert.True(_validator.Validate(new SetRangeCommand(new Keyspace(), "k"u8.ToArray(), offset, "v"u8.ToArray())).IsValid);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void RejectsANegativeOffsetWhateverTheValue(long offset)
    {
        var result = _validator.Validate(new SetRangeCommand(new Keyspace(), "k"u8.ToArray(), offset, ReadOnlyMemory<byte>.Empty));

        Assert.Equal("ERR offset is out of range", Assert.Single(result.Errors).ErrorMessage);
    }
}
