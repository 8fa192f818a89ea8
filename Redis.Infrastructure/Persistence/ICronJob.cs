namespace Redis.Infrastructure.Persistence;

/// <summary>Work Redis's <c>serverCron</c> does besides expiry: run <c>hz</c> times a second on the serving thread, between commands.</summary>
public interface ICronJob
{
    /// <param name="now">The server's clock, Unix milliseconds.</param>
    void Run(long now);
}
