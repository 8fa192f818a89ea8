namespace Redis.Application.Routing.Metadata;

/// <summary>One argument of a command's syntax, as <c>COMMAND DOCS</c> describes it (Redis's <c>redisCommandArg</c>).</summary>
/// <param name="Name">Lower case, as Redis's generator writes it.</param>
/// <param name="Type"><c>string</c>, <c>integer</c>, <c>key</c>, <c>pure-token</c>, <c>oneof</c>, <c>block</c>...</param>
/// <param name="KeySpecIndex">The key spec the argument is a key of, -1 for none.</param>
/// <param name="Token">The word that introduces it (upper case), or null.</param>
/// <param name="Flags"><c>optional</c>, <c>multiple</c>, <c>multiple_token</c>, in that order.</param>
/// <param name="Arguments">A <c>oneof</c>'s or <c>block</c>'s own arguments; empty for the others.</param>
public sealed record CommandArgument(
    string Name,
    string Type,
    int KeySpecIndex,
    string? Token,
    string? Summary,
    string? Since,
    string? DeprecatedSince,
    IReadOnlyList<string> Flags,
    IReadOnlyList<CommandArgument> Arguments);
