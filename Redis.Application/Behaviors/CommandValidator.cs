using FluentValidation;
using FluentValidation.Results;

namespace Redis.Application.Behaviors;

/// <summary>
/// A command's validator whose rules all hold only for the requests its <see cref="AppliesTo"/> selects, for example
/// <c>SET</c>'s time rule only for a <c>SET</c> with a time.
/// </summary>
/// <remarks>
/// The predicate is the one place that says when the rules run: FluentValidation checks it before any rule
/// (<see cref="PreValidate"/>), and <see cref="ValidationBehavior{TMessage, TResponse}"/> asks it before calling
/// <c>Validate</c> at all, because a <c>Validate</c> call allocates a context and a result (about 630 B and 200 ns)
/// even on valid input, which a plain <c>SET key value</c> must not pay. Skipping is what FluentValidation would do
/// anyway, so the two cannot disagree.
/// </remarks>
public abstract class CommandValidator<TCommand> : AbstractValidator<TCommand>
{
    private readonly Func<TCommand, bool> _appliesTo;

    /// <param name="appliesTo">Which requests the rules check; null for every request.</param>
    protected CommandValidator(Func<TCommand, bool>? appliesTo = null)
    {
        _appliesTo = appliesTo ?? (static _ => true);
    }

    /// <summary>True when the rules check <paramref name="command"/>; false when it has nothing they look at.</summary>
    public bool AppliesTo(TCommand command) => _appliesTo(command);

    protected sealed override bool PreValidate(ValidationContext<TCommand> context, ValidationResult result) =>
        AppliesTo(context.InstanceToValidate);
}
