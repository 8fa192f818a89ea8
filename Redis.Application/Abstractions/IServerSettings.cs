namespace Redis.Application.Abstractions;

/// <summary>The server's settings under their Redis names, as <c>CONFIG GET</c> reports them.</summary>
/// <remarks>A port: Infrastructure owns the options and implements this; Application only reads it.</remarks>
public interface IServerSettings
{
    /// <summary>Each setting's Redis name (lower case) and current value.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }
}
