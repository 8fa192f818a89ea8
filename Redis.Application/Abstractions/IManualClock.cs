namespace Redis.Application.Abstractions;

/// <summary>
/// A server clock that moves only when told (<c>--clock manual</c>): <c>DEBUG CLOCK ADVANCE</c> moves it, so tests in
/// any language can move the server's time as an in-process test moves a <c>FakeTimeProvider</c>.
/// </summary>
/// <remarks>The server's <see cref="TimeProvider"/> implements it when the clock is manual; otherwise nothing does.</remarks>
public interface IManualClock
{
    /// <summary>Moves the clock forward by <paramref name="milliseconds"/> (at least 0).</summary>
    void Advance(long milliseconds);
}
