using FluentValidation;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Protocol;
using Redis.Application.Replies;

namespace Redis.Application.Behaviors;

/// <summary>Runs a command's FluentValidation validators before its handler and answers the first failure as an error reply.</summary>
/// <remarks>
/// Returns a value instead of throwing: a user's out-of-range argument is an expected outcome, not a fault.
/// Redis reports one error per command, so the first failure wins. A command with no validator goes straight to its
/// handler, and a <see cref="CommandValidator{TCommand}"/> is not called for a request outside its
/// <see cref="CommandValidator{TCommand}.AppliesTo"/>; the validators are copied once, because the behaviour is a
/// singleton per command type.
/// </remarks>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRedisCommand
{
    private readonly IValidator<TMessage>[] _validators;

    public ValidationBehavior(IEnumerable<IValidator<TMessage>> validators)
    {
        _validators = [.. validators];
    }

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        foreach (var validator in _validators)
        {
            if (validator is CommandValidator<TMessage> command && !command.AppliesTo(message))
            {
                continue;
            }

            var result = validator.Validate(message);
            if (!result.IsValid)
            {
                // TMessage is an IRedisCommand, so TResponse is Reply: the cast only boxes on this error path.
                return new ValueTask<TResponse>((TResponse)(object)Reply.Error(result.Errors[0].ErrorMessage));
            }
        }

        return next(message, cancellationToken);
    }
}
