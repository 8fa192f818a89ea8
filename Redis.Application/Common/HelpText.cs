using Redis.Protocol;

namespace Redis.Application.Common;

/// <summary>Redis's <c>addReplyHelp</c>: a container command's <c>HELP</c> reply, one status line each.</summary>
public static class HelpText
{
    /// <summary>The header line, <paramref name="lines"/>, then Redis's closing <c>HELP</c> entry.</summary>
    public static Reply For(string command, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(lines);
        var replies = new Reply[lines.Length + 3];
        replies[0] = Reply.Simple($"{command.ToUpperInvariant()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (var i = 0; i < lines.Length; i++)
        {
            replies[i + 1] = Reply.Simple(lines[i]);
        }

        replies[^2] = Reply.Simple("HELP");
        replies[^1] = Reply.Simple("    Prints this help.");
        return Reply.Array(replies);
    }
}
