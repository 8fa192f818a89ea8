using Mediator;
using Redis.Protocol;

namespace Redis.Application.Abstractions;

/// <summary>A typed request built by a command's binder and answered by its handler with a <see cref="Reply"/>.</summary>
public interface IRedisCommand : IRequest<Reply>;
