using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Expire;

/// <summary>Seconds must count in milliseconds without overflow; a negative or zero time is valid and deletes the key.</summary>
/// <remarks>Redis's <c>expireGenericCommand</c> checks this before it looks the key up; <c>PEXPIRE</c> and <c>PEXPIREAT</c> need no conversion and are not validated.</remarks>
public sealed class ExpireCommandValidator : CommandValidator<ExpireCommand>
{
    public ExpireCommandValidator()
        : base(static c => !c.InMilliseconds)
    {
        RuleFor(c => c.Seconds)
            .InclusiveBetween(long.MinValue / 1000, long.MaxValue / 1000)
            .WithMessage(c => Errors.InvalidExpireTime(c.CommandName));
    }
}
