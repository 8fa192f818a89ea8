using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Info;

/// <summary><c>INFO [section [section ...]]</c>.</summary>
/// <param name="Sections">Lower-case section names, or <c>all</c>, <c>default</c>, <c>everything</c>; empty means the default sections.</param>
public sealed record InfoCommand(string[] Sections) : IRedisCommand;
