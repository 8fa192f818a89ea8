using Redis.Application.Abstractions;

namespace Redis.Application.Commands.LastSave;

/// <summary><c>LASTSAVE</c>: the Unix time of the last successful save.</summary>
public sealed record LastSaveCommand : IRedisCommand;
