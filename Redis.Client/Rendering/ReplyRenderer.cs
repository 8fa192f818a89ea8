using System.Buffers;
using System.Globalization;
using System.Text;
using Redis.Protocol;

namespace Redis.Client.Rendering;

/// <summary>Turns a reply into the exact bytes redis-cli prints for it, trailing newline included.</summary>
/// <remarks>
/// <para>
/// Mirrors <c>cliFormatReplyTTY</c> and <c>cliFormatReplyRaw</c> of redis-cli 7. The two formats differ in more than
/// quoting: raw prints an error as its text plus a newline and then the command delimiter (so a blank line follows
/// it), and a nil as nothing at all.
/// </para>
/// <para>
/// RESP3's kinds as redis-cli <c>-3</c> prints them: a map numbered by pairs (<c>1# "key" =&gt; value</c>), a set with
/// <c>~</c>, a push like an array, <c>(double) 1.5</c>, <c>(true)</c>/<c>(false)</c>, verbatim text unquoted; raw, a map
/// pair is "key value" on one line. redis-cli 7.0 has no rendering for a big number (it exits with "Unknown reply
/// type"); this client prints <c>(big number) 123</c>, and the digits alone in raw form.
/// </para>
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

    // cliFormatReplyTTY: the prefix is the indentation of the enclosing aggregates, written before every element but the first.
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
            case ReplyKind.Verbatim:
                // Verbatim text is printed as it is, without its format and unquoted.
                output.Write(reply.Text);
                Append(output, "\n");
                break;
            case ReplyKind.Double:
                Append(output, "(double) ");
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.BigNumber:
                Append(output, "(big number) ");
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.Boolean:
                Append(output, reply.IntegerValue != 0 ? "(true)\n" : "(false)\n");
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                Append(output, "(nil)\n");
                break;
            default:
                WriteTtyAggregate(output, reply, prefix);
                break;
        }
    }

    private static void WriteTtyAggregate(ArrayBufferWriter<byte> output, in Reply reply, string prefix)
    {
        var items = reply.Items;
        var isMap = reply.Kind == ReplyKind.Map;
        if (items.Count == 0)
        {
            Append(output, reply.Kind switch
            {
                ReplyKind.Map => "(empty hash)\n",
                ReplyKind.Set => "(empty set)\n",
                ReplyKind.Push => "(empty push)\n",
                _ => "(empty array)\n",
            });
            return;
        }

        // Indexes are right-aligned to the widest one (a map counts its pairs), and nested elements indent past "NN) ".
        var entries = isMap ? items.Count / 2 : items.Count;
        var width = entries.ToString(CultureInfo.InvariantCulture).Length;
        var nestedPrefix = prefix + new string(' ', width + 2);
        var separator = reply.Kind switch { ReplyKind.Set => "~ ", ReplyKind.Map => "# ", _ => ") " };
        for (var i = 0; i < entries; i++)
        {
            var index = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width);
            Append(output, (i == 0 ? "" : prefix) + index + separator);
            if (!isMap)
            {
                WriteTty(output, items[i], nestedPrefix);
                continue;
            }

            // A map's key, its newline replaced by " => ", then the value: on a line of its own when it spans several.
            var key = new ArrayBufferWriter<byte>();
            WriteTty(key, items[2 * i], nestedPrefix);
            output.Write(key.WrittenSpan[..^1]);
            Append(output, " => ");
            var value = items[(2 * i) + 1];
            if (IsMultiline(value))
            {
                Append(output, "\n" + nestedPrefix);
            }

            WriteTty(output, value, nestedPrefix);
        }
    }

    /// <summary>redis-cli's <c>cliIsMultilineValueTTY</c>: an aggregate of more than one element, or of one that is.</summary>
    private static bool IsMultiline(in Reply reply) => reply.Kind switch
    {
        ReplyKind.Array or ReplyKind.Set or ReplyKind.Push =>
            reply.Items.Count > 1 || (reply.Items.Count == 1 && IsMultiline(reply.Items[0])),
        ReplyKind.Map => reply.Items.Count > 2 || (reply.Items.Count == 2 && IsMultiline(reply.Items[1])),
        _ => false,
    };

    // cliFormatReplyRaw.
    private static void WriteRaw(ArrayBufferWriter<byte> output, in Reply reply)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Error:
                output.Write(reply.Bytes);
                Append(output, "\n");
                break;
            case ReplyKind.SimpleString or ReplyKind.BulkString or ReplyKind.Double or ReplyKind.BigNumber or ReplyKind.Verbatim:
                output.Write(reply.Text);
                break;
            case ReplyKind.Integer:
                Append(output, reply.IntegerValue.ToString(CultureInfo.InvariantCulture));
                break;
            case ReplyKind.Boolean:
                Append(output, reply.IntegerValue != 0 ? "(true)" : "(false)");
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                break;
            case ReplyKind.Map:
                // Each pair on a line: the key, a space, the value.
                for (var i = 0; i < reply.Items.Count; i += 2)
                {
                    if (i > 0)
                    {
                        Append(output, "\n");
                    }

                    WriteRaw(output, reply.Items[i]);
                    Append(output, " ");
                    WriteRaw(output, reply.Items[i + 1]);
                }

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
