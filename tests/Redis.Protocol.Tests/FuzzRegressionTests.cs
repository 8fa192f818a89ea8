using Redis.Fuzz;

namespace Redis.Protocol.Tests;

/// <summary>Every crash input the fuzzer ever found, and its starting seeds, pass the fuzzer's own checks.</summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "FuzzRegressions");

    /// <summary>The saved crash inputs by file name (<c>FuzzRegressions/*.bin</c>), then the seeds by number.</summary>
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bin").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        for (var i = 0; i < Seeds.Fixed().Count(); i++)
        {
            data.Add($"seed {i}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void KeepsEveryPromiseGivenSavedInput(string name)
    {
        var input = name.StartsWith("seed ", StringComparison.Ordinal)
            ? Seeds.Fixed().ElementAt(int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture))
            : File.ReadAllBytes(Path.Combine(Folder, name));

        // Throws ReaderInvariantException, naming the broken promise, on failure.
        ReaderOracle.Check(input);
    }

    [Fact]
    public void CopiesRegressionFolderToOutput()
    {
        Assert.True(File.Exists(Path.Combine(Folder, "README.md")), $"{Folder} is missing: the regression inputs would be skipped.");
    }

    [Fact]
    public void BoundsPendingInlineRequestByLineLimitPlusCr()
    {
        Assert.Equal(65, ReaderOracle.MaxPendingBytes(ReaderOracle.Limits, multibulk: false));
    }

    [Fact]
    public void BoundsPendingRespRequestByItsLargestValidShape()
    {
        // "*8", seven full words of 64 bytes with "$64" headers, then the eighth word's header line still missing its
        // CR LF (64 KiB and the CR), which is longer than the eighth word itself missing its final LF.
        var fullWords = 4 + (7 * (5 + 64 + 2));
        var lastWord = Math.Max(ProtocolLimits.MaxHeaderLength + 1, 5 + 64 + 1);

        Assert.Equal(fullWords + lastWord, ReaderOracle.MaxPendingBytes(ReaderOracle.Limits, multibulk: true));
    }
}
