using System.Buffers;
using System.Globalization;
using System.Text;
using Redis.Protocol;

namespace Redis.Client.Rendering;

/// <summary>Turns a reply into the exact bytes redis-cli prints for it, trailing newline included.</summary>
/// <remarks>
/// Mirrors <c>cliFormatReplyTTY</c> and <c>cliFormatReplyRaw</c> of redis-cli 7. The two formats differ in more than
/// quoting: raw prints an error as its text plus a newline and then the command delimiter (so a blank line follows
/// it), and a nil as nothing at all.
/// </remarks>
internal static class ReplyRenderer
{
    /// <summary>Renders the reply to <paramref name="command"/>, as <c>cliSendCommand</c> chooses its format.</summary>
    /// <remarks>
    /// For the <see cref="VerbatimCommands"/> redis-cli passes <c>output_raw</c> to <c>cliFormatReply</c>: the reply is
    /// printed raw in either format, with no delimiter after it (an <c>INFO</c> reply ends with its own CRLF).
    /// </remarks>
    public static byte[] Render(CommandArgs command, in Reply reply, ReplyFormat format)
    {
        if (!VerbatimCommands.Contains(command))
        {
            return Render(reply, format);
        }

        var output = new ArrayBufferWriter<byte>();
        WriteRaw(output, reply);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Render(in Reply reply, ReplyFormat format)
    {
        var output = new ArrayBufferWriter<byte>();
        if (format == ReplyFormat.Tty)
        {
            WriteTty(output, reply, "");
        }
        else
        {
            WriteRaw(output, reply);

            // redis-cli's cmd_delim: every raw reply ends with a newline of its own.
            Append(output, "\n");
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The rendering as text, for tests and messages; binary bytes in raw mode do not survive this.</summary>
    public static string RenderText(in Reply reply, ReplyFormat format) => Encoding.UTF8.GetString(Render(reply, format));

    // cliFormatReplyTTY: the prefix is the indentation of the enclosing arrays, written before every element but the first.
    private static void WriteTty(ArrayBufferWriter<byte> output, in Reply reply, string prefix)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Error:
                Append(output, "(error) ");
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.SimpleString:
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.Integer:
                Append(output, string.Create(CultureInfo.InvariantCulture, $"(integer) {reply.IntegerValue}\n"));
                break;
            case ReplyKind.BulkString:
                Append(output, Repr.Quote(reply.Bytes) + "\n");
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                Append(output, "(nil)\n");
                break;
            default:
                WriteTtyArray(output, reply.Items, prefix);
                break;
        }
    }

    private static void WriteTtyArray(ArrayBufferWriter<byte> output, IReadOnlyList<Reply> items, string prefix)
    {
        if (items.Count == 0)
        {
            Append(output, "(empty array)\n");
            return;
        }

        // Indexes are right-aligned to the widest one, and nested elements indent past "NN) ".
        var width = items.Count.ToString(CultureInfo.InvariantCulture).Length;
        var nestedPrefix = prefix + new string(' ', width + 2);
        for (var i = 0; i < items.Count; i++)
        {
            var index = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width);
            Append(output, (i == 0 ? "" : prefix) + index + ") ");
            WriteTty(output, items[i], nestedPrefix);
        }
    }

    // cliFormatReplyRaw.
    private static void WriteRaw(ArrayBufferWriter<byte> output, in Reply reply)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Error:
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.SimpleString or ReplyKind.BulkString:
                output.Write(reply.Bytes);
                break;
            case ReplyKind.Integer:
                Append(output, reply.IntegerValue.ToString(CultureInfo.InvariantCulture));
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                break;
            default:
                for (var i = 0; i < reply.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        Append(output, "\n");
                    }

                    WriteRaw(output, reply.Items[i]);
                }

                break;
        }
    }

    private static void Append(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
