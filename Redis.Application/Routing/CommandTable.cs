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

    /// <summary>
    /// The table of every binder in the Application assembly: the one scan that finds the commands. The server
    /// registers this table; tools and tests that need the command list, names and arities (the client's help table,
    /// the docs checks) call it without a container.
    /// </summary>
    public static CommandTable FromAssembly() => new(typeof(CommandTable).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandBinder).IsAssignableFrom(t))
        .Select(t => (ICommandBinder)Activator.CreateInstance(t, nonPublic: true)!));

    /// <summary>The specs of all commands, ordered by name.</summary>
    public IReadOnlyList<CommandSpec> Commands { get; }

    public bool TryFind(ReadOnlySpan<byte> name, out ICommandBinder binder) =>
        _bySpan.TryGetValue(name, out binder!);
}
