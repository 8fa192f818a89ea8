namespace Redis.Application.Commands.Expire;

/// <summary>The <c>NX | XX | GT | LT</c> options of <c>EXPIRE</c>; XX combines with GT or LT.</summary>
[Flags]
public enum ExpireCondition
{
    None = 0,

    /// <summary>Only when the key has no expiry.</summary>
    Nx = 1,

    /// <summary>Only when the key already has an expiry.</summary>
    Xx = 2,

    /// <summary>Only when the new expiry is later than the current one (no expiry counts as infinite).</summary>
    Gt = 4,

    /// <summary>Only when the new expiry is earlier than the current one (no expiry counts as infinite).</summary>
    Lt = 8,
}
