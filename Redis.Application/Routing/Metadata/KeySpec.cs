using Redis.Protocol;

namespace Redis.Application.Routing.Metadata;

/// <summary>How a key spec finds where its keys begin (Redis's <c>kspec_bs_type</c>).</summary>
public enum BeginSearchKind
{
    Unknown,
    Index,
    Keyword,
}

/// <summary>How a key spec finds its keys from where they begin (Redis's <c>kspec_fk_type</c>).</summary>
public enum FindKeysKind
{
    Unknown,
    Range,
    Keynum,
}

/// <summary>One of a command's key specs, as Redis 7.0's <c>src/commands/*.json</c> declares it (<c>keySpec</c> in <c>server.h</c>).</summary>
/// <param name="Notes">The spec's notes, or null.</param>
/// <param name="Flags">Its <c>CMD_KEY_*</c> flags.</param>
/// <param name="BeginSearch">How the first key is found.</param>
/// <param name="Index">For <see cref="BeginSearchKind.Index"/>: the first key's position.</param>
/// <param name="Keyword">For <see cref="BeginSearchKind.Keyword"/>: the word after which the keys begin.</param>
/// <param name="StartFrom">For <see cref="BeginSearchKind.Keyword"/>: where the search for it starts; negative counts from the end, backwards.</param>
/// <param name="FindKeys">How the keys are found from the first.</param>
/// <param name="LastKey">For <see cref="FindKeysKind.Range"/>: the last key relative to the first; negative counts from the end.</param>
/// <param name="KeyStep">For a range or keynum: the distance between keys.</param>
/// <param name="Limit">For <see cref="FindKeysKind.Range"/> with <paramref name="LastKey"/> -1: the fraction of the remaining arguments that are keys.</param>
/// <param name="KeyNumIndex">For <see cref="FindKeysKind.Keynum"/>: where the count is, relative to the first key.</param>
/// <param name="FirstKey">For <see cref="FindKeysKind.Keynum"/>: where the keys start, relative to the first key.</param>
public sealed record KeySpec(
    string? Notes,
    KeyAccess Flags,
    BeginSearchKind BeginSearch,
    int Index,
    string? Keyword,
    int StartFrom,
    FindKeysKind FindKeys,
    int LastKey,
    int KeyStep,
    int Limit,
    int KeyNumIndex,
    int FirstKey)
{
    /// <summary>
    /// Adds the positions and flags of this spec's keys in <paramref name="words"/> (the command name first) to
    /// <paramref name="keys"/>; false when the spec cannot say (Redis's <c>invalid_spec</c> in
    /// <c>getKeysUsingKeySpecs</c>): an unknown spec, a bad count, a key out of bounds, or an incomplete spec.
    /// </summary>
    public bool TryAddKeys(byte[][] words, bool negativeArity, List<(int Position, KeyAccess Flags)> keys)
    {
        var argc = words.Length;
        var first = 0;
        if (BeginSearch == BeginSearchKind.Index)
        {
            first = Index;
        }
        else if (BeginSearch == BeginSearchKind.Keyword)
        {
            var start = StartFrom > 0 ? StartFrom : argc + StartFrom;
            var end = StartFrom > 0 ? argc - 1 : 1;
            for (var i = start; i != end; i = start <= end ? i + 1 : i - 1)
            {
                if (i >= argc || i < 1)
                {
                    break;
                }

                if (System.Text.Ascii.EqualsIgnoreCase(words[i], System.Text.Encoding.ASCII.GetBytes(Keyword!)))
                {
                    first = i + 1;
                    break;
                }
            }

            // The keyword is absent: this spec has no keys.
            if (first == 0)
            {
                return true;
            }
        }
        else
        {
            return false;
        }

        int last, step;
        if (FindKeys == FindKeysKind.Range)
        {
            step = KeyStep;
            last = LastKey >= 0 ? first + LastKey
                : Limit == 0 ? argc + LastKey
                : first + ((argc - first) / Limit + LastKey);
        }
        else if (FindKeys == FindKeysKind.Keynum)
        {
            step = KeyStep;
            if (KeyNumIndex >= argc || first + KeyNumIndex >= argc
                || !RedisInteger.TryParse(words[first + KeyNumIndex], out var count) || count < 0)
            {
                return false;
            }

            first += FirstKey;
            last = first + (int)count - 1;
        }
        else
        {
            return false;
        }

        if (last >= argc || last < first || first >= argc)
        {
            return false;
        }

        for (var i = first; i <= last; i += step)
        {
            // A command of negative arity may be sent with too few words for its spec: no key, the command reports it.
            if (i >= argc || i < first)
            {
                if (negativeArity)
                {
                    continue;
                }

                return false;
            }

            keys.Add((i, Flags));
        }

        return (Flags & KeyAccess.Incomplete) == 0;
    }
}
