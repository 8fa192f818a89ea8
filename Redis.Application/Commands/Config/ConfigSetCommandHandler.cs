using Mediator;
using Redis.Application.Abstractions;
using Redis.Protocol;

namespace Redis.Application.Commands.Config;

/// <summary>Hands the changes to the settings registry, which checks, stores and applies them as Redis's <c>configSetCommand</c> does.</summary>
public sealed class ConfigSetCommandHandler(IServerSettings settings) : IRequestHandler<ConfigSetCommand, Reply>
{
    public ValueTask<Reply> Handle(ConfigSetCommand request, CancellationToken cancellationToken) =>
        new(settings.TrySet(request.Changes) is { } error ? Reply.Error(error) : Reply.Ok);
}
