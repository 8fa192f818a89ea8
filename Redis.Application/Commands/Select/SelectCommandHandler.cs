using Mediator;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Commands.Select;

/// <summary>Selects database 0, the only one; any other index is out of range.</summary>
/// <remarks>
/// Redis checks the index in <c>selectDb</c>, the switch itself, so the check lives with the switch: here, where the
/// set of databases is known, not in a validator (<c>databases 1</c> in <c>CONFIG GET</c>).
/// </remarks>
public sealed class SelectCommandHandler : IRequestHandler<SelectCommand, Reply>
{
    public ValueTask<Reply> Handle(SelectCommand request, CancellationToken cancellationToken) =>
        new(request.Index == 0 ? Reply.Ok : Errors.DbIndexOutOfRange);
}
