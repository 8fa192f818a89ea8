using System.Text;

namespace Redis.Application.Replies;

/// <summary>Every error text the server sends, worded exactly as Redis 7 words it.</summary>
/// <remarks>
/// One file, so a reviewer can compare them with Redis's <c>server.c</c> and <c>shared</c> objects at a glance.
/// Fixed texts are cached replies; formatted ones are small factories. Any user bytes put into a message pass
/// through <see cref="Sanitize"/>, because a CR or LF inside an error would break the RESP framing.
/// </remarks>
public static class Errors
{
    public static Reply Syntax { get; } = Reply.Error("ERR syntax error");

    public static Reply NotAnInteger { get; } = Reply.Error("ERR value is not an integer or out of range");

    /// <summary>Redis's <c>addReplyErrorArity</c>.</summary>
    public static Reply WrongArity(string command) =>
        Reply.Error($"ERR wrong number of arguments for '{command}' command");

    /// <summary>Redis's <c>addReplyErrorExpireTime</c>.</summary>
    public static string InvalidExpireTime(string command) => $"ERR invalid expire time in '{command}' command";

    /// <summary>Redis's <c>processCommand</c> text for a name it does not know, listing up to 128 bytes of arguments.</summary>
    public static Reply UnknownCommand(ReadOnlySpan<byte> name, IReadOnlyList<byte[]> args)
    {
        var argText = new StringBuilder();
        foreach (var arg in args)
        {
            if (argText.Length >= 128)
            {
                break;
            }

            argText.Append('\'').Append(Sanitize(arg, 128 - argText.Length)).Append("' ");
        }

        return Reply.Error($"ERR unknown command '{Sanitize(name, 128)}', with args beginning with: {argText}");
    }

    /// <summary>Redis's <c>addReplySubcommandSyntaxError</c>.</summary>
    public static Reply UnknownSubcommand(ReadOnlySpan<byte> subcommand, string command) =>
        Reply.Error($"ERR unknown subcommand '{Sanitize(subcommand, 128)}'. Try {command.ToUpperInvariant()} HELP.");

    public static Reply UnsupportedOption(ReadOnlySpan<byte> option) =>
        Reply.Error($"ERR Unsupported option {Sanitize(option, 128)}");

    public static Reply ExpireNxConflict { get; } =
        Reply.Error("ERR NX and XX, GT or LT options at the same time are not compatible");

    public static Reply ExpireGtLtConflict { get; } =
        Reply.Error("ERR GT and LT options at the same time are not compatible");

    /// <summary>The text after <c>-ERR Protocol error: </c>; the connection is closed after it.</summary>
    public static string Protocol(string detail) => "ERR Protocol error: " + detail;

    /// <summary>Redis's protected-mode refusal, sent to a non-loopback client when no password is set; the connection is then closed.</summary>
    public static Reply ProtectedModeDenied { get; } = Reply.Error(
        "DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. " +
        "In this mode connections are only accepted from the loopback interface. " +
        "If you want to connect from external computers to Redis you may adopt one of the following solutions: " +
        "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. " +
        "2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. " +
        "3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
        "4) Setup a an authentication password for the default user. " +
        "NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.");

    /// <summary>Decodes at most <paramref name="maxBytes"/> bytes for an error text, with CR and LF replaced by spaces.</summary>
    public static string Sanitize(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, maxBytes)]);
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
