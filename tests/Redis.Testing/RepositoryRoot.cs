namespace Redis.Testing;

/// <summary>The checkout the tests run from, for tests that read or check files of the repository (docs, generated data).</summary>
public static class RepositoryRoot
{
    /// <summary>The folder that holds <c>RedisClean.sln</c>, found upwards from the test's output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RedisClean.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RedisClean.sln above {AppContext.BaseDirectory}.");
    }
}
