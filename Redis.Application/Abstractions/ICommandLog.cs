using Redis.Protocol;

namespace Redis.Application.Abstractions;

/// <summary>
/// Where the writes go once they ran: the append-only file (Redis's <c>feedAppendOnlyFile</c>). It receives each
/// write as the command to replay, already made deterministic (<see cref="Propagation.CommandPropagation"/>), with the
/// database it ran on.
/// </summary>
public interface ICommandLog
{
    /// <summary>Logs <paramref name="command"/>, which ran on <paramref name="database"/>.</summary>
    /// <remarks>Called on the serving thread; the command's bytes are valid only during the call.</remarks>
    void Append(int database, CommandArgs command);
}
