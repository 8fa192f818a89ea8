namespace Redis.Application.Commands.Script;

/// <summary>What <c>SCRIPT</c> was asked to do.</summary>
public enum ScriptSubcommand
{
    Exists,
    Load,
    Flush,
    Kill,
    Debug,
    Help,
}
