using Mediator;
using Redis.Application.Replies;

namespace Redis.Application.Abstractions;

/// <summary>A typed request built by a command's binder and answered by its handler with a <see cref="Reply"/>.</summary>
public interface IRedisCommand : IRequest<Reply>;
