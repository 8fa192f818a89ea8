namespace Redis.Application.Commands.Command;

/// <summary>What <c>COMMAND</c> was asked.</summary>
public enum CommandSubcommand
{
    /// <summary><c>COMMAND</c> or <c>COMMAND INFO [name ...]</c>: each command's details.</summary>
    Info,

    /// <summary><c>COMMAND COUNT</c>.</summary>
    Count,

    /// <summary><c>COMMAND DOCS [name ...]</c>.</summary>
    Docs,

    /// <summary><c>COMMAND LIST</c>: the names.</summary>
    List,

    /// <summary><c>COMMAND HELP</c>.</summary>
    Help,
}
