using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Debug;

/// <summary><c>DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]</c>, the one <c>DEBUG</c> subcommand this server has.</summary>
/// <param name="Error">The reply for a subcommand or option it does not know, given once <c>DEBUG</c> is allowed at all.</param>
public sealed record DebugCommand(ClientSession Session, Reply? Error, bool Save, bool Flush, bool Merge) : IRedisCommand;
