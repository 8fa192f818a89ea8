namespace Redis.Application.Common;

/// <summary>Redis's glob matching (<c>stringmatchlen</c>): <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[^a-z]</c> and <c>\</c> escapes.</summary>
public static class GlobPattern
{
    /// <summary>Nesting of <c>*</c> beyond which matching gives up, as Redis 7 does, so a hostile pattern cannot take exponential time.</summary>
    private const int MaxNesting = 1000;

    public static bool IsMatch(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text, bool ignoreCase = false)
    {
        var skipLongerMatches = false;
        return Match(pattern, text, ignoreCase, ref skipLongerMatches, 0);
    }

    private static bool Match(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text, bool ignoreCase, ref bool skipLongerMatches, int nesting)
    {
        if (nesting > MaxNesting)
        {
            return false;
        }

        while (!pattern.IsEmpty && !text.IsEmpty)
        {
            switch (pattern[0])
            {
                case (byte)'*':
                    while (pattern.Length > 1 && pattern[1] == (byte)'*')
                    {
                        pattern = pattern[1..];
                    }

                    if (pattern.Length == 1)
                    {
                        return true;
                    }

                    for (; !text.IsEmpty; text = text[1..])
                    {
                        if (Match(pattern[1..], text, ignoreCase, ref skipLongerMatches, nesting + 1))
                        {
                            return true;
                        }

                        if (skipLongerMatches)
                        {
                            return false;
                        }
                    }

                    // No suffix matched: a longer prefix for an outer '*' cannot help either.
                    skipLongerMatches = true;
                    return false;

                case (byte)'?':
                    text = text[1..];
                    break;

                case (byte)'[':
                    {
                        pattern = pattern[1..];
                        var negate = !pattern.IsEmpty && pattern[0] == (byte)'^';
                        if (negate)
                        {
                            pattern = pattern[1..];
                        }

                        var matched = false;
                        while (!pattern.IsEmpty && pattern[0] != (byte)']')
                        {
                            if (pattern[0] == (byte)'\\' && pattern.Length >= 2)
                            {
                                pattern = pattern[1..];
                                matched |= Same(pattern[0], text[0], ignoreCase);
                            }
                            else if (pattern.Length >= 3 && pattern[1] == (byte)'-')
                            {
                                int start = Fold(pattern[0], ignoreCase), end = Fold(pattern[2], ignoreCase);
                                if (start > end)
                                {
                                    (start, end) = (end, start);
                                }

                                var c = Fold(text[0], ignoreCase);
                                matched |= c >= start && c <= end;
                                pattern = pattern[2..];
                            }
                            else
                            {
                                matched |= Same(pattern[0], text[0], ignoreCase);
                            }

                            pattern = pattern[1..];
                        }

                        if (negate)
                        {
                            matched = !matched;
                        }

                        if (!matched)
                        {
                            return false;
                        }

                        text = text[1..];
                        if (pattern.IsEmpty)
                        {
                            // An unterminated class ends the pattern, as in Redis.
                            return text.IsEmpty;
                        }

                        break;
                    }

                case (byte)'\\' when pattern.Length >= 2:
                    pattern = pattern[1..];
                    if (!Same(pattern[0], text[0], ignoreCase))
                    {
                        return false;
                    }

                    text = text[1..];
                    break;

                default:
                    if (!Same(pattern[0], text[0], ignoreCase))
                    {
                        return false;
                    }

                    text = text[1..];
                    break;
            }

            pattern = pattern[1..];
            if (text.IsEmpty)
            {
                while (!pattern.IsEmpty && pattern[0] == (byte)'*')
                {
                    pattern = pattern[1..];
                }

                break;
            }
        }

        return pattern.IsEmpty && text.IsEmpty;
    }

    private static bool Same(byte a, byte b, bool ignoreCase) => Fold(a, ignoreCase) == Fold(b, ignoreCase);

    private static int Fold(byte c, bool ignoreCase) =>
        ignoreCase && c is >= (byte)'A' and <= (byte)'Z' ? c | 0x20 : c;
}
