using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>Walks a request's arguments after the command name, as mini-redis's <c>Parse</c> does.</summary>
/// <remarks>Running out of arguments is the normal end of an option list: <see cref="HasMore"/> tells, nothing throws for user input.</remarks>
public ref struct ArgCursor
{
    private readonly CommandArgs _args;
    private readonly ClientSession? _session;
    private readonly Keyspace? _keyspace;
    private int _next;

    /// <summary>Starts at <paramref name="start"/>: 1 skips the command name, 2 a subcommand too.</summary>
    /// <param name="session">The connection the request came on; the router always passes it, binder tests may not.</param>
    /// <param name="keyspace">The connection's selected database; the router always passes it, binder tests may not.</param>
    public ArgCursor(CommandArgs args, ClientSession? session = null, int start = 1, Keyspace? keyspace = null)
    {
        _args = args;
        _session = session;
        _keyspace = keyspace;
        _next = start;
    }

    /// <summary>
    /// The connection the request came on, for the binders of commands that act on it (AUTH, HELLO, CLIENT, SELECT):
    /// they put it in their request, which is how a handler reaches its own connection.
    /// </summary>
    public readonly ClientSession Session =>
        _session ?? throw new InvalidOperationException("This cursor was made without a session; pass one to bind a command that needs it.");

    /// <summary>
    /// The database the connection has selected, as the command runs (Redis's <c>c->db</c>): the binders of commands
    /// that touch keys put it in their request, which is how a handler reaches the keys of its connection's database.
    /// </summary>
    public readonly Keyspace Keyspace =>
        _keyspace ?? throw new InvalidOperationException("This cursor was made without a keyspace; pass one to bind a command that touches keys.");

    public readonly bool HasMore => _next < _args.Count;

    /// <summary>The whole request, for a command that hands its arguments on unparsed (<c>EVAL</c>'s keys and arguments).</summary>
    public readonly CommandArgs Args => _args;

    /// <summary>The position of the next argument in <see cref="Args"/>.</summary>
    public readonly int Position => _next;

    /// <summary>The bytes of every argument, the name included: Redis's <c>argv_len_sum</c> (<c>argv-mem</c> in <c>CLIENT LIST</c>).</summary>
    public readonly long ArgumentBytes
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _args.Count; i++)
            {
                total += _args[i].Length;
            }

            return total;
        }
    }

    /// <summary>Arguments not yet consumed.</summary>
    public readonly int Remaining => _args.Count - _next;

    /// <summary>The next argument as a slice of the request buffer (valid only during dispatch).</summary>
    public ReadOnlyMemory<byte> NextMemory() => _args.Memory(_next++);

    public ReadOnlySpan<byte> NextSpan() => _args[_next++];

    /// <summary>The next argument copied into a new array, for bytes a command keeps.</summary>
    public byte[] NextBytes() => _args[_next++].ToArray();

    /// <summary>The remaining arguments, each copied, for a command that keeps them.</summary>
    public byte[][] RestBytes()
    {
        var rest = new byte[Remaining][];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = NextBytes();
        }

        return rest;
    }

    /// <summary>Consumes every remaining argument, for commands that take a list of keys.</summary>
    public ReadOnlyMemory<byte>[] RestMemory()
    {
        var rest = new ReadOnlyMemory<byte>[Remaining];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = NextMemory();
        }

        return rest;
    }

    /// <summary>Consumes the next argument when it equals <paramref name="word"/> ignoring ASCII case.</summary>
    public bool NextIs(ReadOnlySpan<byte> word)
    {
        if (!HasMore || !System.Text.Ascii.EqualsIgnoreCase(_args[_next], word))
        {
            return false;
        }

        _next++;
        return true;
    }

    /// <summary>True when the next argument equals <paramref name="word"/> ignoring ASCII case; consumes nothing.</summary>
    public readonly bool PeekIs(ReadOnlySpan<byte> word) =>
        HasMore && System.Text.Ascii.EqualsIgnoreCase(_args[_next], word);

    /// <summary>Steps over the next argument.</summary>
    public void Skip() => _next++;

    /// <summary>Consumes the next argument and parses it with Redis's strict integer rules.</summary>
    public bool TryNextInt64(out long value) => RedisInteger.TryParse(_args[_next++], out value);

    /// <summary>
    /// Consumes the next argument as Redis's <c>getIntFromObjectOrReply</c> reads it: an integer that fits a C <c>int</c>.
    /// </summary>
    /// <param name="error">When it is not: <paramref name="message"/> if given (Redis's <c>msg</c>, used for both
    /// failures), otherwise "not an integer" or "out of range", as the case is.</param>
    public bool TryNextInt32(out int value, out Reply error, Reply? message = null)
    {
        value = 0;
        if (!TryNextInt64(out var wide))
        {
            error = message ?? Errors.NotAnInteger;
            return false;
        }

        if (wide is < int.MinValue or > int.MaxValue)
        {
            error = message ?? Errors.NotAnInt32;
            return false;
        }

        (value, error) = ((int)wide, default);
        return true;
    }
}
