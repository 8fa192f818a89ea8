namespace Redis.Application.Cluster;

/// <summary>Hash slots <see cref="Start"/> to <see cref="End"/>, both included.</summary>
public readonly record struct SlotRange(int Start, int End)
{
    /// <summary>Redis's form in <c>CLUSTER NODES</c>: <c>5</c> for one slot, <c>0-5460</c> for more.</summary>
    public override string ToString() => Start == End
        ? Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Start}-{End}");

    /// <summary>The ranges of the slots marked in <paramref name="owned"/>.</summary>
    public static IReadOnlyList<SlotRange> From(Func<int, bool> owned, int count)
    {
        var ranges = new List<SlotRange>();
        var start = -1;
        for (var slot = 0; slot <= count; slot++)
        {
            var mine = slot < count && owned(slot);
            if (mine && start < 0)
            {
                start = slot;
            }
            else if (!mine && start >= 0)
            {
                ranges.Add(new SlotRange(start, slot - 1));
                start = -1;
            }
        }

        return ranges;
    }

    /// <summary>Parses <c>5</c> or <c>0-5460</c>; false for anything else, or a slot out of range.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SlotRange range)
    {
        range = default;
        var dash = text.IndexOf('-');
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        if (!TryParseSlot(first, out var start) || !TryParseSlot(last, out var end) || start > end)
        {
            return false;
        }

        range = new SlotRange(start, end);
        return true;
    }

    private static bool TryParseSlot(ReadOnlySpan<char> text, out int slot) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out slot)
        && slot < Redis.Domain.Cluster.HashSlot.Count;
}
