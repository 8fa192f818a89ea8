namespace Redis.Protocol;

/// <summary>One request: the command name and its arguments, as slices of a buffer owned by the protocol reader.</summary>
/// <remarks>
/// The slices stay valid only until the reader parses the next request: a command that keeps bytes (a stored
/// value, a key added to the keyspace) copies them. That is what lets the server parse without copying.
/// </remarks>
public readonly struct CommandArgs
{
    private readonly byte[] _buffer;
    private readonly ArgSlice[] _slices;

    public CommandArgs(byte[] buffer, ArgSlice[] slices, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, slices.Length);
        _buffer = buffer;
        _slices = slices;
        Count = count;
    }

    /// <summary>Number of words, the command name included (Redis's <c>argc</c>).</summary>
    public int Count { get; }

    public ReadOnlySpan<byte> this[int index] => Memory(index).Span;

    public ReadOnlyMemory<byte> Memory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var slice = _slices[index];
        return _buffer.AsMemory(slice.Offset, slice.Length);
    }

    /// <summary>Builds a request from separate words; for tests and the client, not the hot path.</summary>
    public static CommandArgs From(params byte[][] words)
    {
        var buffer = words.SelectMany(w => w).ToArray();
        var slices = new ArgSlice[words.Length];
        var offset = 0;
        for (var i = 0; i < words.Length; i++)
        {
            slices[i] = new ArgSlice(offset, words[i].Length);
            offset += words[i].Length;
        }

        return new CommandArgs(buffer, slices, words.Length);
    }

    /// <summary>Builds a request from text words (UTF-8); for tests and the client.</summary>
    public static CommandArgs From(params string[] words) =>
        From(words.Select(System.Text.Encoding.UTF8.GetBytes).ToArray());

    /// <summary>
    /// A copy that owns its bytes, for a request kept past its batch (a command queued by <c>MULTI</c>): the words are
    /// packed into one new array, so the copy costs two allocations whatever the number of words.
    /// </summary>
    public CommandArgs Copy()
    {
        var length = 0;
        for (var i = 0; i < Count; i++)
        {
            length += _slices[i].Length;
        }

        var buffer = new byte[length];
        var slices = new ArgSlice[Count];
        var offset = 0;
        for (var i = 0; i < Count; i++)
        {
            var word = this[i];
            word.CopyTo(buffer.AsSpan(offset));
            slices[i] = new ArgSlice(offset, word.Length);
            offset += word.Length;
        }

        return new CommandArgs(buffer, slices, Count);
    }

    /// <summary>Copies the words out, for logging and error texts.</summary>
    public byte[][] ToArrays()
    {
        var words = new byte[Count][];
        for (var i = 0; i < Count; i++)
        {
            words[i] = this[i].ToArray();
        }

        return words;
    }
}
