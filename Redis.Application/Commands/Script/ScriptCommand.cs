using Redis.Application.Abstractions;
using Redis.Protocol;

namespace Redis.Application.Commands.Script;

/// <summary><c>SCRIPT EXISTS|LOAD|FLUSH|KILL|DEBUG|HELP</c>: the script cache.</summary>
/// <param name="Args">The whole request; valid only while the command runs.</param>
public sealed record ScriptCommand(ScriptSubcommand Subcommand, CommandArgs Args) : IRedisCommand;
