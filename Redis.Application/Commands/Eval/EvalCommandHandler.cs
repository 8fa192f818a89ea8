using Mediator;
using Redis.Application.Scripting;
using Redis.Protocol;

namespace Redis.Application.Commands.Eval;

/// <summary>Hands the script, its keys and its arguments to the engine (Redis's <c>evalGenericCommand</c>).</summary>
public sealed class EvalCommandHandler(IScriptEngine engine) : IRequestHandler<EvalCommand, Reply>
{
    public ValueTask<Reply> Handle(EvalCommand request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        return new(engine.Run(request.Session, args[1], request.BySha, args, firstKey: 3, request.KeyCount, request.ReadOnly));
    }
}
