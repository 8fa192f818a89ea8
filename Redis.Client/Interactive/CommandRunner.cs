using Redis.Client.Connection;
using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary>Sends one command a number of times, printing each reply, as redis-cli's <c>cliSendCommand</c> does for the REPL and one-shot mode.</summary>
/// <remarks>
/// A negative count repeats until the connection fails or the process is stopped (<c>-r -1</c>). After every reply it
/// waits <paramref name="interval"/> (<c>-i</c>), the last one included, as redis-cli's <c>usleep</c> does. The wait
/// is <paramref name="sleep"/>, so tests record it instead of waiting.
/// </remarks>
internal sealed class CommandRunner(ClientSession session, ReplyFormat format, ClientConsole console, TimeSpan interval = default, Action<TimeSpan>? sleep = null)
{
    private readonly Action<TimeSpan> _sleep = sleep ?? Thread.Sleep;
    private volatile bool _interrupted;

    /// <returns>False when the server could not be reached or the connection broke (the reason is already printed).</returns>
    public bool Run(CommandArgs words, long repeat)
    {
        while (!_interrupted && (repeat < 0 || repeat-- > 0))
        {
            if (session.Execute(words) is not { } reply)
            {
                return false;
            }

            if (_interrupted)
            {
                break;
            }

            console.Write(ReplyRenderer.Render(words, reply, format));
            if (interval > TimeSpan.Zero)
            {
                _sleep(interval);
            }
        }

        return true;
    }

    /// <summary>Ctrl+C: abandons the command waiting for its reply, prints nothing more, and stops repeating.</summary>
    public void Interrupt()
    {
        _interrupted = true;
        session.Interrupt();
    }
}
