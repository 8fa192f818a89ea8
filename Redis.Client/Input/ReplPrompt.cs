using RadLine;
using Spectre.Console;

namespace Redis.Client.Input;

/// <summary>The REPL's prompt, which changes between <c>127.0.0.1:6379&gt; </c> and <c>not connected&gt; </c>.</summary>
/// <remarks>RadLine's own prompt is fixed when the editor is built, so this one reads its text on every line.</remarks>
internal sealed class ReplPrompt : ILineEditorPrompt
{
    private Markup _markup = new("");

    /// <summary>Sets the text; its trailing space becomes RadLine's one-column margin.</summary>
    public void Set(string prompt) => _markup = new Markup(Markup.Escape(prompt.TrimEnd()));

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) => (_markup, 1);
}
