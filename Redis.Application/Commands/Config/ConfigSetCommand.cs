using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Config;

/// <summary><c>CONFIG SET parameter value [parameter value ...]</c>: all the changes, or none.</summary>
public sealed record ConfigSetCommand(IReadOnlyList<KeyValuePair<string, string>> Changes) : IRedisCommand;
