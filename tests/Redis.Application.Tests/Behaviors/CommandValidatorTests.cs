using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Commands.Expire;
using Redis.Application.Commands.Set;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Behaviors;

public class CommandValidatorTests
{
    [Fact]
    public void PassesARequestOutsideWhatItAppliesToEvenWhenItsRulesWouldFail()
    {
        var validator = new FailingValidator();
        var command = new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray());

        Assert.False(validator.AppliesTo(command));
        Assert.True(validator.Validate(command).IsValid);
    }

    [Fact]
    public void RunsItsRulesGivenARequestItAppliesTo()
    {
        var validator = new FailingValidator();
        var command = new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), new ExpiryOption(ExpiryKind.Seconds, 10));

        Assert.True(validator.AppliesTo(command));
        Assert.Equal("ERR never valid", Assert.Single(validator.Validate(command).Errors).ErrorMessage);
    }

    public static TheoryData<ExpiryKind> KindsWithoutTime() => [ExpiryKind.None, ExpiryKind.KeepTtl];

    /// <summary>A plain SET, the hot path, is not validated at all.</summary>
    [Theory]
    [MemberData(nameof(KindsWithoutTime))]
    public void SetCommandValidatorDoesNotApplyToASetWithoutATime(ExpiryKind kind)
    {
        Assert.False(new SetCommandValidator().AppliesTo(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), new ExpiryOption(kind, 0))));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void ExpireCommandValidatorAppliesOnlyToSeconds(bool inMilliseconds, bool applies)
    {
        var command = new ExpireCommand(new Keyspace(), "k"u8.ToArray(), long.MaxValue, InMilliseconds: inMilliseconds);

        Assert.Equal(applies, new ExpireCommandValidator().AppliesTo(command));
    }

    private sealed class FailingValidator : CommandValidator<SetCommand>
    {
        public FailingValidator()
            : base(static c => c.Expiry.HasTime)
        {
            RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR never valid");
        }
    }
}
