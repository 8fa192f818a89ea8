namespace Redis.Testing.Soak;

/// <summary>
/// The reply the model expects: its exact bytes, or, for a collection whose order Redis leaves unspecified, an array
/// whose items may come in any order in groups of <paramref name="UnorderedGroup"/> (1 for members, 2 for
/// field-value pairs).
/// </summary>
public sealed record ExpectedReply(byte[] Bytes, int UnorderedGroup = 0)
{
    public static implicit operator ExpectedReply(byte[] bytes) => new(bytes);

    /// <summary>Whether <paramref name="reply"/> is this one: the same bytes, or the same groups in another order.</summary>
    public bool Matches(byte[] reply)
    {
        if (reply.AsSpan().SequenceEqual(Bytes))
        {
            return true;
        }

        return UnorderedGroup > 0
            && RespText.TryParseBulkArray(reply, out var actual)
            && RespText.TryParseBulkArray(Bytes, out var expected)
            && Canonical(actual).SequenceEqual(Canonical(expected));
    }

    private List<string> Canonical(List<byte[]> items)
    {
        if (items.Count % UnorderedGroup != 0)
        {
            return ["odd count", .. items.Select(Convert.ToHexString)];
        }

        return [.. items.Chunk(UnorderedGroup).Select(group => string.Join(',', group.Select(Convert.ToHexString))).Order(StringComparer.Ordinal)];
    }
}
