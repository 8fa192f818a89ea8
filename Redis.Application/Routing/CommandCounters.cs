namespace Redis.Application.Routing;

/// <summary>
/// One command's line of <c>INFO commandstats</c>: Redis's <c>calls</c>, <c>microseconds</c>, <c>rejected_calls</c> and
/// <c>failed_calls</c> of a <c>redisCommand</c>.
/// </summary>
/// <remarks>
/// <para>
/// Plain fields, written by the serving thread only (the router, as Redis's <c>call()</c> and <c>rejectCommand</c> write
/// them) and read by <c>INFO</c> on that thread: no lock, no interlocked add on the hot path.
/// </para>
/// <para>
/// A container command's counters hold its subcommands' (<see cref="Subcommands"/>, in the order of
/// <see cref="CommandSpec.Subcommands"/>): a subcommand's spec is often a static shared by every table, while a
/// container's spec belongs to its binder, which each server's table creates, so the counts stay per server.
/// </para>
/// </remarks>
public sealed class CommandCounters
{
    internal CommandCounters(int subcommands) =>
        Subcommands = [.. Enumerable.Range(0, subcommands).Select(_ => new CommandCounters(0))];

    /// <summary><c>calls</c>: times the command ran (a command <c>EXEC</c> runs counts on its own).</summary>
    public long Calls { get; set; }

    /// <summary>The time it ran, in <see cref="TimeSpan"/> ticks: <c>usec</c> is this over ten.</summary>
    public long ElapsedTicks { get; set; }

    /// <summary><c>rejected_calls</c>: refused before it ran (arity, authentication, <c>MISCONF</c>, context), as Redis's <c>rejectCommand</c>.</summary>
    public long RejectedCalls { get; set; }

    /// <summary><c>failed_calls</c>: it ran and answered an error.</summary>
    public long FailedCalls { get; set; }

    /// <summary>The counters of the subcommands, by their position in the container's spec; empty for the others.</summary>
    public IReadOnlyList<CommandCounters> Subcommands { get; }

    /// <summary>Redis's <c>resetCommandTableStats</c> for this command and its subcommands.</summary>
    public void Reset()
    {
        (Calls, ElapsedTicks, RejectedCalls, FailedCalls) = (0, 0, 0, 0);
        foreach (var subcommand in Subcommands)
        {
            subcommand.Reset();
        }
    }
}
