using System.Text;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Config;

/// <summary>Answers name/value pairs for every setting matching any pattern, each setting once, as Redis 7 does: a map
/// (a flat array for a RESP2 connection).</summary>
public sealed class ConfigGetCommandHandler(IServerSettings settings) : IRequestHandler<ConfigGetCommand, Reply>
{
    public ValueTask<Reply> Handle(ConfigGetCommand request, CancellationToken cancellationToken)
    {
        var pairs = new List<Reply>();
        foreach (var (name, value) in settings.Parameters)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            if (request.Patterns.Any(p => GlobPattern.IsMatch(p, nameBytes, ignoreCase: true)))
            {
                pairs.Add(Reply.Bulk(nameBytes));
                pairs.Add(Reply.Bulk(value));
            }
        }

        return new(Reply.Map([.. pairs]));
    }
}
