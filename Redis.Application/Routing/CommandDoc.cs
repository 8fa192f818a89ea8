namespace Redis.Application.Routing;

/// <summary>What <c>help</c> shows for a command, in redis-cli's shape (<c>help.h</c>).</summary>
/// <param name="Arguments">The syntax after the command name, in Redis's notation, for example <c>key [key ...]</c>.</param>
/// <param name="Summary">One line on what the command does.</param>
/// <param name="Group">Redis's command group: <c>string</c>, <c>generic</c>, <c>connection</c> or <c>server</c>.</param>
public sealed record CommandDoc(string Arguments, string Summary, string Group);
