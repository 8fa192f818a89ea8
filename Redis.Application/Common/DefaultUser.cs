using System.Security.Cryptography;
using System.Text;
using Redis.Application.Abstractions;

namespace Redis.Application.Common;

/// <summary>Redis's <c>default</c> user, the only user here: its password is <c>requirepass</c>, or it has none.</summary>
/// <remarks>
/// Without a password the user is Redis's <c>nopass</c> default: every connection starts authenticated and
/// <c>AUTH default anything</c> succeeds. The password is kept only as its SHA-256 digest, and a candidate is compared
/// digest to digest with <see cref="CryptographicOperations.FixedTimeEquals"/>: the time taken tells an attacker
/// neither how many leading bytes were right nor how long the password is.
/// </remarks>
public sealed class DefaultUser
{
    private static readonly byte[] Name = "default"u8.ToArray();

    private byte[]? _passwordDigest;

    public DefaultUser(IServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SetPassword(settings.RequirePass());

        // CONFIG SET requirepass: Redis's updateRequirePass changes the default user at once; connections that had
        // authenticated stay so, new ones must give the new password.
        settings.Changed += name =>
        {
            if (name == "requirepass")
            {
                SetPassword(settings.RequirePass());
            }
        };
    }

    /// <summary>True when <c>requirepass</c> is set, so a connection must authenticate before most commands.</summary>
    public bool RequiresPassword => _passwordDigest is not null;

    private void SetPassword(string password) =>
        _passwordDigest = password.Length > 0 ? SHA256.HashData(Encoding.UTF8.GetBytes(password)) : null;

    /// <summary>True when <paramref name="username"/> is <c>default</c> (case-sensitive, as Redis's users are) and the password matches.</summary>
    public bool Accepts(ReadOnlySpan<byte> username, ReadOnlySpan<byte> password)
    {
        var isDefault = username.SequenceEqual(Name);
        if (_passwordDigest is null)
        {
            return isDefault;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(password, digest);

        // Non-short-circuiting &: the digest is compared whatever the user name was.
        return isDefault & CryptographicOperations.FixedTimeEquals(digest, _passwordDigest);
    }
}
