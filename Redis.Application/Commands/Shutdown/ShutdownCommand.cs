using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Shutdown;

/// <summary><c>SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]</c>, its options checked by the binder.</summary>
public sealed record ShutdownCommand(ClientSession Session, ShutdownSave Save, bool Force, bool Abort) : IRedisCommand;
