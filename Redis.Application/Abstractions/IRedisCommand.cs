using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Abstractions;

/// <summary>A typed request built by a command's binder and answered by its handler with a <see cref="Reply"/>.</summary>
public interface IRedisCommand : IRequest<Reply>
{
    /// <summary>
    /// Whether this request carries anything its validators check. When false the pipeline skips them: FluentValidation
    /// allocates a context and a result on every call, even on valid input, which the hot path cannot afford for a
    /// plain <c>SET key value</c>. A command overrides this only in step with its validator's rules.
    /// </summary>
    bool HasRulesToCheck => true;
}
