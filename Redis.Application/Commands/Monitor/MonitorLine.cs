using System.Globalization;
using System.Text;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.Monitor;

/// <summary>
/// Redis's <c>replicationFeedMonitors</c> line for one command: <c>+seconds.micros [db ip:port] "name" "arg"...</c>,
/// each word quoted by <c>sdscatrepr</c> (<see cref="Repr.Quote"/>), with the secrets of <c>AUTH</c> and <c>HELLO</c>
/// replaced by <c>(redacted)</c> as Redis's <c>redactClientCommandArgument</c> leaves them in <c>c->original_argv</c>.
/// </summary>
public static class MonitorLine
{
    private static readonly byte[] Redacted = "(redacted)"u8.ToArray();

    /// <summary>The status reply a monitor receives for <paramref name="args"/>, run by <paramref name="session"/> at <paramref name="now"/>.</summary>
    public static Reply Format(ClientSession session, CommandSpec spec, CommandArgs args, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(spec);
        var micros = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        var text = new StringBuilder(64)
            .Append(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6} [{session.Database} {session.RemoteAddress}]");
        var redacted = RedactedMask(spec.Name, args);
        for (var i = 0; i < args.Count; i++)
        {
            text.Append(' ').Append(Repr.Quote(((redacted >> i) & 1) != 0 ? (ReadOnlySpan<byte>)Redacted : args[i]));
        }

        return Reply.Simple(text.ToString());
    }

    /// <summary>
    /// Which words Redis redacts, one bit each: <c>AUTH</c>'s password (and user) when it has at most three words
    /// (<c>authCommand</c> answers a syntax error before redacting), <c>HELLO</c>'s two words after each <c>AUTH</c> it
    /// reads before an option it does not know (<c>helloCommand</c>'s loop).
    /// </summary>
    internal static long RedactedMask(string name, CommandArgs args)
    {
        if (name == "auth")
        {
            return args.Count switch { 2 => 0b10, 3 => 0b110, _ => 0 };
        }

        if (name != "hello" || args.Count < 2)
        {
            return 0;
        }

        var mask = 0L;
        for (var j = 2; j < args.Count && j < 63; j++)
        {
            var more = args.Count - 1 - j;
            if (Ascii.EqualsIgnoreCase(args[j], "AUTH"u8) && more >= 2)
            {
                mask |= (1L << (j + 1)) | (1L << (j + 2));
                j += 2;
            }
            else if (Ascii.EqualsIgnoreCase(args[j], "SETNAME"u8) && more >= 1)
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return mask;
    }
}
