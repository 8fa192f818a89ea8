using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.ReplConf;

/// <summary><c>REPLCONF option value [option value ...]</c>: what a replica tells its master, and <c>GETACK</c>/<c>ACK</c> between them.</summary>
public sealed record ReplConfCommand(ClientSession Session, byte[][] Pairs) : IRedisCommand;
