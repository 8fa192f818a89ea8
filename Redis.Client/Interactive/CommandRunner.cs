using Redis.Client.Connection;
using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary>Sends one command a number of times, printing each reply, as redis-cli's <c>cliSendCommand</c> does for the REPL and one-shot mode.</summary>
/// <remarks>
/// A negative count repeats until the connection fails or the process is stopped (<c>-r -1</c>). After every reply it
/// calls <paramref name="pause"/>, the last one included: the wait of <c>-i</c>, as redis-cli's <c>usleep</c>.
/// </remarks>
internal sealed class CommandRunner(ClientSession session, ReplyFormat format, ClientConsole console, Action? pause = null)
{
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
            pause?.Invoke();
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
