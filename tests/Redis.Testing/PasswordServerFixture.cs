namespace Redis.Testing;

/// <summary>The server with <c>requirepass</c> set, for the tests of AUTH and the NOAUTH gate, on either transport.</summary>
public class PasswordServerFixture<TTransport> : ServerFixture<TTransport>
    where TTransport : ITransport
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:RequirePass"] = PasswordServerFixture.Password;
}

/// <summary>The server with <c>requirepass</c> set, on the blocking transport.</summary>
public sealed class PasswordServerFixture : PasswordServerFixture<BlockingTransport>
{
    /// <summary>Has spaces, so the inline tests must quote it, and a non-ASCII letter, so it is compared as UTF-8 bytes.</summary>
    public const string Password = "correct horse bättery staple";
}
