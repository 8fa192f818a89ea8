using Redis.Application.Replies;

namespace Redis.Application.Routing;

/// <summary>What the command table knows of a command: its name, arity, flags and key positions, as <c>COMMAND INFO</c> reports them.</summary>
/// <param name="Name">Lower case, as Redis declares it; the one place the name is written.</param>
/// <param name="Arity">Redis's convention: positive means exactly that many words, negative means at least its absolute value (the name included).</param>
/// <param name="Flags">Redis's command flags, for example <c>write</c>, <c>readonly</c>, <c>fast</c>.</param>
/// <param name="FirstKey">Position of the first key argument, 0 when the command takes no key.</param>
/// <param name="LastKey">Position of the last key argument, -1 for "the last argument".</param>
/// <param name="Step">Distance between key arguments.</param>
public sealed record CommandSpec(
    string Name,
    int Arity,
    string[] Flags,
    int FirstKey = 0,
    int LastKey = 0,
    int Step = 0)
{
    /// <summary>The cached <c>wrong number of arguments</c> reply for this command.</summary>
    public Reply ArityError { get; } = Errors.WrongArity(Name);

    /// <summary>True when <paramref name="argc"/> words satisfy the arity (Redis's <c>commandCheckArity</c>).</summary>
    public bool AcceptsArgumentCount(int argc) => Arity > 0 ? argc == Arity : argc >= -Arity;
}
