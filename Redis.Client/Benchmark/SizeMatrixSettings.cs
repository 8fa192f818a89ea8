namespace Redis.Client.Benchmark;

/// <summary>The lab benchmark's matrix: every key size with every value size, each pair repeated.</summary>
/// <param name="KeySizes">Key sizes in bytes; at least <see cref="MinKeySize"/>, so every key can carry a unique tag.</param>
/// <param name="ValueSizes">Value sizes in bytes.</param>
/// <param name="Repeat">SETs (and then GETs) per size pair.</param>
/// <param name="Seed">Seeds the random keys and values, so two runs send the same bytes.</param>
internal sealed record SizeMatrixSettings(IReadOnlyList<int> KeySizes, IReadOnlyList<int> ValueSizes, int Repeat, int Seed)
{
    public const int MinKeySize = 16;

    /// <summary>The lab's defaults: keys of 1, 5 and 10 KB, values of 10, 50 and 100 KB, 5 times each (1 KB = 1024 bytes).</summary>
    public static SizeMatrixSettings Lab { get; } = new([1024, 5 * 1024, 10 * 1024], [10 * 1024, 50 * 1024, 100 * 1024], 5, 1);

    /// <summary>SETs plus GETs over the whole run, for the progress bar.</summary>
    public int TotalOperations => KeySizes.Count * ValueSizes.Count * Repeat * 2;
}
