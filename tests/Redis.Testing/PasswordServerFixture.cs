namespace Redis.Testing;

/// <summary>The server with <c>requirepass</c> set, for the tests of AUTH and the NOAUTH gate.</summary>
public sealed class PasswordServerFixture : ServerFixture
{
    /// <summary>Has spaces, so the inline tests must quote it, and a non-ASCII letter, so it is compared as UTF-8 bytes.</summary>
    public const string Password = "correct horse bättery staple";

    protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:RequirePass"] = Password;
}
