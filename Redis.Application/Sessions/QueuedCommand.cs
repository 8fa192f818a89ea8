using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>A command queued inside <c>MULTI</c>: the binder found when it arrived, and a copy of its arguments.</summary>
/// <param name="Binder">Found, arity checked, when the command was queued; <c>EXEC</c> binds and runs it.</param>
/// <param name="Args">Owned by the queue: not a slice of a receive buffer.</param>
public readonly record struct QueuedCommand(ICommandBinder Binder, CommandArgs Args);
