using FluentValidation;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Expire;

/// <summary>Seconds must count in milliseconds without overflow; a negative or zero time is valid and deletes the key.</summary>
/// <remarks>Redis's <c>expireGenericCommand</c> checks this before it looks the key up; milliseconds need no conversion.</remarks>
public sealed class ExpireCommandValidator : AbstractValidator<ExpireCommand>
{
    public ExpireCommandValidator()
    {
        RuleFor(c => c.Seconds)
            .InclusiveBetween(long.MinValue / 1000, long.MaxValue / 1000)
            .When(c => !c.InMilliseconds)
            .WithMessage(c => Errors.InvalidExpireTime(c.CommandName));
    }
}
