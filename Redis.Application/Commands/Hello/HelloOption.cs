namespace Redis.Application.Commands.Hello;

/// <summary>One <c>AUTH username password</c> or <c>SETNAME clientname</c> option of <c>HELLO</c>, in the order given.</summary>
/// <param name="IsAuth">True for AUTH, false for SETNAME.</param>
/// <param name="Value">The user name, or the client name.</param>
/// <param name="Password">The password of AUTH; null for SETNAME.</param>
public readonly record struct HelloOption(bool IsAuth, byte[] Value, byte[]? Password = null);
