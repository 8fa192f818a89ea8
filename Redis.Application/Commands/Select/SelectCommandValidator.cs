using FluentValidation;
using Redis.Application.Replies;

namespace Redis.Application.Commands.Select;

/// <summary>The server has one database (<c>databases 1</c> in <c>CONFIG GET</c>), so any other index is out of range, as Redis's <c>selectDb</c> says.</summary>
public sealed class SelectCommandValidator : AbstractValidator<SelectCommand>
{
    public SelectCommandValidator()
    {
        RuleFor(c => c.Index).Equal(0).WithMessage(Errors.DbIndexOutOfRangeText);
    }
}
