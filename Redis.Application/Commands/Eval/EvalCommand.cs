using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Eval;

/// <summary><c>EVAL</c>, <c>EVALSHA</c> and their <c>_RO</c> forms: run a Lua script with keys and arguments.</summary>
/// <param name="Session">The caller: its database is the script's.</param>
/// <param name="Args">The whole request; valid only while the command runs.</param>
/// <param name="KeyCount">numkeys, checked against the words there are.</param>
/// <param name="BySha">True for <c>EVALSHA</c>: the script is a digest of the cache's.</param>
/// <param name="ReadOnly">True for the <c>_RO</c> forms: a write command in the script is refused.</param>
public sealed record EvalCommand(ClientSession Session, CommandArgs Args, int KeyCount, bool BySha, bool ReadOnly) : IRedisCommand;
