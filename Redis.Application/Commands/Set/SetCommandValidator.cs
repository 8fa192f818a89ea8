using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Set;

/// <summary>
/// A time must be positive and, in seconds, small enough to count in milliseconds (Redis's <c>getExpireMillisecondsOrReply</c>).
/// The error names the command the client sent: <c>set</c>, <c>setex</c> or <c>psetex</c>. A <c>SET</c> without a time has
/// nothing to check and is not validated at all.
/// </summary>
public sealed class SetCommandValidator : CommandValidator<SetCommand>
{
    public SetCommandValidator()
        : base(static c => c.Expiry.HasTime)
    {
        RuleFor(c => c.Expiry)
            .Must(e => e.IsInRange)
            .WithMessage(c => Errors.InvalidExpireTime(c.CommandName));
    }
}
