using Redis.Application.Abstractions;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Fixed settings under their Redis names, standing in for the options Infrastructure reports.</summary>
internal sealed class TestSettings(params KeyValuePair<string, string>[] parameters) : IServerSettings
{
    public static TestSettings None { get; } = new();

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

    /// <summary>Settings with <c>requirepass</c> set to <paramref name="password"/>.</summary>
    public static TestSettings WithPassword(string password) => new(new KeyValuePair<string, string>("requirepass", password));
}
