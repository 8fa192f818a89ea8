using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Scripting;
using Redis.Protocol;

namespace Redis.Application.Commands.Script;

/// <summary>Redis's <c>scriptCommand</c>, over the engine's cache.</summary>
/// <remarks>
/// <c>FLUSH ASYNC</c> flushes at once, as <c>SYNC</c> does: the cache is small, and a fresh Lua state costs the same
/// either way. <c>KILL</c> reaches a script only once it runs past <c>busy-reply-threshold</c>, when the event loop
/// serves other clients between its instructions (<see cref="RunningScript"/>). <c>DEBUG NO</c> is accepted; the
/// debugger itself is not offered.
/// </remarks>
public sealed class ScriptCommandHandler(IScriptEngine engine, RunningScript running) : IRequestHandler<ScriptCommand, Reply>
{
    private static readonly Reply HelpReply = HelpText.For(
        "script",
        "DEBUG (YES|SYNC|NO)",
        "    Set the debug mode for subsequent scripts executed.",
        "EXISTS <sha1> [<sha1> ...]",
        "    Return information about the existence of the scripts in the script cache.",
        "FLUSH [ASYNC|SYNC]",
        "    Flush the Lua scripts cache. Very dangerous on replicas.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the scripts cache.",
        "    * SYNC: Synchronously flush the scripts cache.",
        "KILL",
        "    Kill the currently executing Lua script.",
        "LOAD <script>",
        "    Load a script into the scripts cache without executing it.");

    public ValueTask<Reply> Handle(ScriptCommand request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        switch (request.Subcommand)
        {
            case ScriptSubcommand.Exists:
                var found = new Reply[args.Count - 2];
                for (var i = 0; i < found.Length; i++)
                {
                    found[i] = engine.Exists(args[i + 2]) ? Reply.One : Reply.Zero;
                }

                return new(Reply.Array(found));
            case ScriptSubcommand.Load:
                return new(engine.Load(args[2]));
            case ScriptSubcommand.Flush:
                engine.Flush();
                return new(Reply.Ok);
            case ScriptSubcommand.Kill:
                return new(running.Kill());
            case ScriptSubcommand.Debug:
                var mode = args[2];
                return new(System.Text.Ascii.EqualsIgnoreCase(mode, "no"u8) ? Reply.Ok
                    : System.Text.Ascii.EqualsIgnoreCase(mode, "yes"u8) || System.Text.Ascii.EqualsIgnoreCase(mode, "sync"u8) ? Errors.ScriptDebugUnsupported
                    : Errors.ScriptDebugMode);
            default:
                return new(HelpReply);
        }
    }
}
