using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Replies;

namespace Redis.Application.Commands.SetRange;

/// <summary>The offset may not be negative.</summary>
/// <remarks>Redis's <c>setrangeCommand</c> checks it once the offset is parsed, before it looks the key up.</remarks>
public sealed class SetRangeCommandValidator : CommandValidator<SetRangeCommand>
{
    public SetRangeCommandValidator()
    {
        RuleFor(c => c.Offset)
            .GreaterThanOrEqualTo(0)
            .WithMessage(Errors.OffsetOutOfRange);
    }
}
