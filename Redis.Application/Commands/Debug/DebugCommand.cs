using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Debug;

/// <summary><c>DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]</c> or <c>DEBUG LOADAOF</c>, the <c>DEBUG</c> subcommands this server has.</summary>
/// <param name="Error">The reply for a subcommand or option it does not know, given once <c>DEBUG</c> is allowed at all.</param>
/// <param name="LoadAppendOnly"><c>LOADAOF</c>: empty the databases and load the append-only files back.</param>
public sealed record DebugCommand(ClientSession Session, Reply? Error, bool Save, bool Flush, bool Merge, bool LoadAppendOnly = false, long? ClockAdvance = null) : IRedisCommand;
