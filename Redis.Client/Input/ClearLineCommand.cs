using RadLine;

namespace Redis.Client.Input;

/// <summary>Ctrl+U: erases the whole line, as in linenoise and most shells.</summary>
internal sealed class ClearLineCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        context.Buffer.Clear(0, context.Buffer.Length);
        context.Buffer.Move(0);
    }
}
