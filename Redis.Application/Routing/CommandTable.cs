using Redis.Application.Common;

namespace Redis.Application.Routing;

/// <summary>Every command the server knows, found by name without allocating.</summary>
public sealed class CommandTable
{
    private readonly Dictionary<byte[], ICommandBinder> _byName = new(AsciiCaseInsensitiveComparer.Instance);
    private readonly Dictionary<byte[], ICommandBinder>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;

    public CommandTable(IEnumerable<ICommandBinder> binders)
    {
        foreach (var binder in binders)
        {
            if (!_byName.TryAdd(System.Text.Encoding.ASCII.GetBytes(binder.Spec.Name), binder))
            {
                throw new InvalidOperationException($"Two binders declare the command '{binder.Spec.Name}'.");
            }
        }

        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<byte>>();
        Commands = [.. _byName.Values.Select(b => b.Spec).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The specs of all commands, ordered by name.</summary>
    public IReadOnlyList<CommandSpec> Commands { get; }

    public bool TryFind(ReadOnlySpan<byte> name, out ICommandBinder binder) =>
        _bySpan.TryGetValue(name, out binder!);
}
