namespace Redis.EndToEnd.Tests.Compat;

/// <summary>One command of a compat script.</summary>
/// <param name="Number">The line number in the file, for failure messages.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Words">The command and its arguments.</param>
/// <param name="Unordered">Compare arrays as unordered sets (<c>KEYS</c>, <c>SCAN</c>).</param>
/// <param name="Replies">How many replies the command answers: more than one for <c>SUBSCRIBE a b</c> (one per channel).</param>
/// <param name="MaskedField">A map field whose value depends on the connection (<c>?id HELLO 3</c>): compared as <c>?</c>.</param>
public sealed record CompatLine(int Number, string Text, byte[][] Words, bool Unordered, int Replies = 1, string? MaskedField = null);
