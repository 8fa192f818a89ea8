using System.Text;
using Redis.Application.Abstractions;
using Redis.Protocol;

namespace Redis.Application.Tests.TestSupport;

/// <summary>A command log that keeps each logged command as one line: the database, then the words.</summary>
internal sealed class RecordingLog : ICommandLog
{
    public List<string> Lines { get; } = [];

    public void Append(int database, CommandArgs command)
    {
        var words = Enumerable.Range(0, command.Count).Select(i => Encoding.UTF8.GetString(command[i]));
        Lines.Add($"{database} {string.Join(' ', words)}");
    }
}
