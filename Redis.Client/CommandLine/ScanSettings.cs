namespace Redis.Client.CommandLine;

/// <summary>What <c>--scan</c> walks: the keys matching <paramref name="Pattern"/>, asking <paramref name="Count"/> keys a call.</summary>
/// <param name="Pattern"><c>--pattern</c>, sent as <c>MATCH</c>; null for every key.</param>
/// <param name="Count"><c>--count</c>, sent as <c>COUNT</c>; null to let the server choose.</param>
internal sealed record ScanSettings(string? Pattern, int? Count);
