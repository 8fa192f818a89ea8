using FluentValidation;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Set;

/// <summary>
/// A time must be positive and, in seconds, small enough to count in milliseconds (Redis's <c>getExpireMillisecondsOrReply</c>).
/// The error names the command the client sent: <c>set</c>, <c>setex</c> or <c>psetex</c>.
/// </summary>
public sealed class SetCommandValidator : AbstractValidator<SetCommand>
{
    public SetCommandValidator()
    {
        RuleFor(c => c.Expiry)
            .Must(e => e.IsInRange)
            .WithMessage(c => Errors.InvalidExpireTime(c.CommandName));
    }
}
