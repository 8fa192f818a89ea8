using FluentValidation;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Client;

/// <summary>Names and library attributes must be printable ASCII without spaces, so <c>CLIENT LIST</c> stays parsable (Redis's <c>validateClientName</c>).</summary>
public sealed class ClientCommandValidator : AbstractValidator<ClientCommand>
{
    public ClientCommandValidator()
    {
        RuleFor(c => c.Value)
            .Must(v => ClientSession.IsValidAttribute(v))
            .When(c => c.Subcommand == ClientSubcommand.SetName)
            .WithMessage(Errors.InvalidClientNameText);

        RuleFor(c => c.Value)
            .Must(v => ClientSession.IsValidAttribute(v))
            .When(c => c.Subcommand is ClientSubcommand.SetLibraryName or ClientSubcommand.SetLibraryVersion)
            .WithMessage(c => Errors.InvalidClientAttribute(c.Attribute));
    }
}
