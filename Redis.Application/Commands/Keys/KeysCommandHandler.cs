using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Keys;

/// <summary>Every live key matching the pattern, in no particular order; O(n), as in Redis.</summary>
/// <remarks>Redis's <c>keysCommand</c> skips the glob for the pattern <c>*</c> and skips expired keys without deleting them.</remarks>
public sealed class KeysCommandHandler(TimeProvider time) : IRequestHandler<KeysCommand, Reply>
{
    public ValueTask<Reply> Handle(KeysCommand request, CancellationToken cancellationToken)
    {
        var pattern = request.Pattern.Span;
        var all = pattern is [(byte)'*'];
        var matches = new List<Reply>();
        foreach (var key in request.Keyspace.LiveKeys(time.GetUnixMilliseconds()))
        {
            if (all || GlobPattern.IsMatch(pattern, key.Span))
            {
                matches.Add(Reply.Bulk(key));
            }
        }

        return new(Reply.Array([.. matches]));
    }
}
