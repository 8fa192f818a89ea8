using Redis.Protocol;

namespace Redis.Client.Connection;

/// <summary>What the client sends as <c>AUTH</c> on every connection, as redis-cli does with <c>-a</c>, <c>--user</c> and <c>--pass</c>.</summary>
/// <param name="User">The user name; null for <c>AUTH password</c>, which means the <c>default</c> user.</param>
/// <param name="Password">The password.</param>
public sealed record Credentials(string? User, string Password)
{
    /// <summary>redis-cli's environment variable for a password that should not appear on the command line.</summary>
    public const string EnvironmentVariable = "REDISCLI_AUTH";

    /// <summary>redis-cli's warning, on standard error, when the password is given on the command line.</summary>
    public const string CommandLineWarning = "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.";

    public CommandArgs AuthCommand => User is null ? CommandArgs.From("AUTH", Password) : CommandArgs.From("AUTH", User, Password);
}
