using Redis.Application.Abstractions;

namespace Redis.Application.Commands.BgSave;

/// <summary><c>BGSAVE [SCHEDULE]</c>: writes the RDB snapshot on another thread.</summary>
public sealed record BgSaveCommand(bool Schedule) : IRedisCommand;
