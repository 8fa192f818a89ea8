using Redis.Application.Abstractions;

namespace Redis.Application.Commands.BgRewriteAof;

/// <summary><c>BGREWRITEAOF</c>: writes a new base of the append-only file on another thread.</summary>
public sealed record BgRewriteAofCommand : IRedisCommand;
