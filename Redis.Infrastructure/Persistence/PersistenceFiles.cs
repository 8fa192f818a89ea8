using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Persistence;

/// <summary>What the RDB snapshots and the append-only file do alike with their files and background writers.</summary>
internal static class PersistenceFiles
{
    /// <summary>The encoding thresholds a loaded collection is checked against, from the settings.</summary>
    public static RdbLoadLimits LoadLimits(RedisServerOptions options) => new(
        HashMaxListpackEntries: options.HashMaxListpackEntries,
        HashMaxListpackValue: options.HashMaxListpackValue,
        SetMaxIntsetEntries: options.SetMaxIntsetEntries,
        ZsetMaxListpackEntries: options.ZsetMaxListpackEntries,
        ZsetMaxListpackValue: options.ZsetMaxListpackValue);

    /// <summary>Deletes a temporary or obsolete file; one that cannot be deleted is left behind, as Redis leaves it when unlink fails.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do.
        }
    }

    /// <summary>Waits for a background writer to end, however it ends: a stopped or failed writer has logged its cause.</summary>
    public static void WaitQuietly(Task writer) => ((IAsyncResult)writer).AsyncWaitHandle.WaitOne();
}
