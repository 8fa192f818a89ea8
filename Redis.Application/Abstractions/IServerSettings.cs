namespace Redis.Application.Abstractions;

/// <summary>The server's settings under their Redis names: <c>CONFIG GET</c> reads them, <c>CONFIG SET</c> changes them.</summary>
/// <remarks>A port: Infrastructure owns the settings registry and implements this; Application reads and sets through it.</remarks>
public interface IServerSettings
{
    /// <summary>Each setting's Redis name (lower case) and current value.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>
    /// Raised on the serving thread with a setting's name after <see cref="TrySet"/> changed it, for the parts that keep
    /// something derived from it (the password's digest, the slow log's threshold).
    /// </summary>
    event Action<string>? Changed;

    /// <summary>
    /// Redis's <c>configSetCommand</c>: every name is looked up and every value parsed first; only then are all stored,
    /// and if applying one fails the old values come back. Null on success, otherwise the error text, without the
    /// <c>ERR </c> prefix being added here (it is part of the text).
    /// </summary>
    string? TrySet(IReadOnlyList<KeyValuePair<string, string>> changes);
}
