using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Replies;

namespace Redis.Application.Commands.SetRange;

/// <summary>The offset may not be negative (Redis's <c>setrangeCommand</c>).</summary>
public sealed class SetRangeCommandValidator : CommandValidator<SetRangeCommand>
{
    public SetRangeCommandValidator()
    {
        RuleFor(c => c.Offset)
            .GreaterThanOrEqualTo(0)
            .WithMessage(Errors.OffsetOutOfRangeText);
    }
}
