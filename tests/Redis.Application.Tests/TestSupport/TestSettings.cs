using Redis.Application.Abstractions;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Settings under their Redis names, standing in for Infrastructure's registry: any name may be set, and is.</summary>
internal sealed class TestSettings(params KeyValuePair<string, string>[] parameters) : IServerSettings
{
    private readonly List<KeyValuePair<string, string>> _parameters = [.. parameters];

    public static TestSettings None => new();

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public event Action<string>? Changed;

    /// <summary>The changes the last <see cref="TrySet"/> got.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? LastChanges { get; private set; }

    /// <summary>What <see cref="TrySet"/> answers instead of storing, when set.</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Settings with <c>requirepass</c> set to <paramref name="password"/>.</summary>
    public static TestSettings WithPassword(string password) => new(new KeyValuePair<string, string>("requirepass", password));

    public string? TrySet(IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        LastChanges = changes;
        if (RefuseWith is not null)
        {
            return RefuseWith;
        }

        foreach (var (name, value) in changes)
        {
            _parameters.RemoveAll(p => p.Key == name);
            _parameters.Add(new(name, value));
            Changed?.Invoke(name);
        }

        return null;
    }
}
