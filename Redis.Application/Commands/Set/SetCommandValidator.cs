using FluentValidation;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Set;

/// <summary><c>EX</c> must be positive and small enough to count in milliseconds (Redis's <c>getExpireMillisecondsOrReply</c>).</summary>
public sealed class SetCommandValidator : AbstractValidator<SetCommand>
{
    public SetCommandValidator()
    {
        RuleFor(c => c.ExpireSeconds)
            .InclusiveBetween(1, long.MaxValue / 1000)
            .When(c => c.ExpireSeconds is not null)
            .WithMessage(Errors.InvalidExpireTime("set"));
    }
}
