using RadLine;

namespace Redis.Client.Input;

/// <summary>Ends the REPL from the line editor: Ctrl+C always, Ctrl+D on an empty line (elsewhere it deletes, as in linenoise).</summary>
internal sealed class ExitCommand(bool onlyWhenEmpty) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (onlyWhenEmpty && context.Buffer.Length > 0)
        {
            context.Buffer.Clear(context.Buffer.Position, 1);
            return;
        }

        context.Submit(SubmitAction.Cancel);
    }
}
