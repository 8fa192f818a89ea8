using Redis.Client.Benchmark;
using Redis.Client.CommandLine;
using Redis.Client.Rendering;

namespace Redis.Client.Tests.CommandLine;

public class ClientCommandLineTests
{
    [Fact]
    public void DefaultsToTheReplOnLocalhost6379()
    {
        var options = Parse();

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(6379, options.Port);
        Assert.Null(options.Format);
        Assert.Empty(options.Command);
        Assert.False(options.Benchmark);
        Assert.Equal(SizeMatrixSettings.Lab.KeySizes, options.Sizes.KeySizes);
        Assert.Equal(SizeMatrixSettings.Lab.ValueSizes, options.Sizes.ValueSizes);
        Assert.Equal(5, options.Sizes.Repeat);
        Assert.Null(options.Throughput);
    }

    [Fact]
    public void TakesHostAndPortAsRedisCliDoes()
    {
        var options = Parse("-h", "cache.local", "-p", "6401", "SET", "greeting", "hello world");

        Assert.Equal("cache.local", options.Host);
        Assert.Equal(6401, options.Port);
        Assert.Equal(["SET", "greeting", "hello world"], options.Command);
    }

    [Fact]
    public void TakesTheDatabaseAsRedisCliDoes()
    {
        Assert.Equal(0, Parse().Database);
        Assert.Equal(3, Parse("-n", "3", "GET", "k").Database);
    }

    [Fact]
    public void TakesTheProtocolAsRedisCliDoes()
    {
        Assert.False(Parse().Resp3);
        Assert.False(Parse("-2", "GET", "k").Resp3);
        Assert.True(Parse("-3", "GET", "k").Resp3);
        Assert.Equal(["GET", "k"], Parse("-3", "GET", "k").Command);
    }

    [Fact]
    public void AcceptsLongNames()
    {
        var options = Parse("--host", "::1", "--port", "7000");

        Assert.Equal(("::1", 7000), (options.Host, options.Port));
    }

    [Fact]
    public void PassesWordsAfterADoubleDashAsTheCommand()
    {
        Assert.Equal(["SET", "k", "-p"], Parse("--", "SET", "k", "-p").Command);
    }

    [Theory]
    [InlineData("--raw", nameof(ReplyFormat.Raw))]
    [InlineData("--no-raw", nameof(ReplyFormat.Tty))]
    public void ForcesTheReplyFormat(string option, string format)
    {
        Assert.Equal(Enum.Parse<ReplyFormat>(format), Parse(option).Format);
    }

    [Fact]
    public void ShowsHelpOnQuestionMarkButNotOnH()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ran = false;

        var exit = ClientCommandLine.Invoke(ClientCommandLine.Build(_ => { ran = true; return 0; }), ["-?"], output, error);

        Assert.Equal(0, exit);
        Assert.False(ran);
        Assert.Contains("-h, --host <host>", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("-?, --help", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("-h, --help", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheSizeMatrix()
    {
        var options = Parse("--benchmark", "--key-sizes", "16,2k", "--value-sizes", "100,1MB", "--repeat", "3", "--seed", "9");

        Assert.True(options.Benchmark);
        Assert.Equal((3, 9), (options.Sizes.Repeat, options.Sizes.Seed));
        Assert.Equal([16, 2048], options.Sizes.KeySizes);
        Assert.Equal([100, 1048576], options.Sizes.ValueSizes);
        Assert.Null(options.Throughput);
        Assert.Null(options.BenchmarkOutput);
    }

    [Fact]
    public void ChoosesThroughputWhenAnyOfItsOptionsIsGiven()
    {
        var options = Parse("--benchmark", "--pipeline", "16", "--csv");

        Assert.Equal(ThroughputSettings.Default with { Pipeline = 16 }, options.Throughput);
        Assert.Equal(BenchmarkOutput.Csv, options.BenchmarkOutput);
    }

    [Fact]
    public void ReadsEveryThroughputOption()
    {
        var options = Parse("--benchmark", "--requests", "1000", "--pipeline", "8", "--data-size", "1KB", "--keyspace", "50", "--json");

        Assert.Equal(new ThroughputSettings(1000, 8, 1024, 50, 1), options.Throughput);
        Assert.Equal(BenchmarkOutput.Json, options.BenchmarkOutput);
    }

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--port", "65536")]
    [InlineData("--port", "http")]
    [InlineData("--raw", "--no-raw")]
    [InlineData("-2", "-3")]
    [InlineData("--benchmark", "--key-sizes", "8")]
    [InlineData("--benchmark", "--value-sizes", "10GB")]
    [InlineData("--benchmark", "--repeat", "0")]
    [InlineData("--benchmark", "--pipeline", "0")]
    [InlineData("--benchmark", "--data-size", "big")]
    [InlineData("--benchmark", "--csv", "--json")]
    [InlineData("--benchmark", "GET", "k")]
    [InlineData("--requests", "10")]
    [InlineData("--csv")]
    public void RefusesInvalidCombinations(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ran = false;

        var exit = ClientCommandLine.Invoke(ClientCommandLine.Build(_ => { ran = true; return 0; }), args, output, error);

        Assert.NotEqual(0, exit);
        Assert.False(ran);
        Assert.NotEmpty(error.ToString());
    }

    [Fact]
    public void StopsReadingOptionsAtTheFirstCommandWordAsRedisCliDoes()
    {
        var options = Parse("-p", "6401", "ECHO", "-p", "7000", "--raw");

        Assert.Equal(6401, options.Port);
        Assert.Null(options.Format);
        Assert.Equal(["ECHO", "-p", "7000", "--raw"], options.Command);
    }

    [Fact]
    public void KeepsAValueThatLooksLikeAnOptionAsTheValue()
    {
        var options = Parse("-a", "-p", "--user", "--raw", "GET", "k");

        Assert.Equal(new Redis.Client.Connection.Credentials("--raw", "-p"), options.Credentials);
        Assert.Equal(6379, options.Port);
        Assert.Null(options.Format);
    }

    [Fact]
    public void LetsALaterOptionOverrideAnEarlierOneAsRedisCliDoes()
    {
        Assert.Equal(7001, Parse("-p", "7000", "-p", "7001").Port);
    }

    [Fact]
    public void ReadsNoResponseFile()
    {
        Assert.Equal(["GET", "@missing"], Parse("GET", "@missing").Command);
        Assert.Equal("@missing", Parse("-a", "@missing").Credentials?.Password);
    }

    // redis-cli 7.0.15 printed these lines, each on standard error with exit code 1.
    [Theory]
    [InlineData("Unrecognized option or bad number of args for: '--foo'", "--foo", "GET", "k")]
    [InlineData("Unrecognized option or bad number of args for: '-p'", "-p")]
    [InlineData("Unrecognized option or bad number of args for: '-p'", "-p", "6420", "-p")]
    [InlineData("Unrecognized option or bad number of args for: '-'", "-", "GET")]
    [InlineData("Unrecognized option or bad number of args for: '--port=6379'", "--port=6379")]
    public void RefusesAnUnknownOptionOrAMissingValueWithRedisClisLine(string expected, params string[] args)
    {
        var (exit, output, error) = InvokeCapturing(args);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }

    [Fact]
    public void RefusesBadInputWithOneLineAndNoHelpPage()
    {
        var (exit, output, error) = InvokeCapturing("-p", "http");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("Cannot parse argument 'http' for option '--port' as expected type 'System.Int32'.\n", error);
    }

    [Fact]
    public void ShowsHelpOnALastHAsRedisCliDoes()
    {
        var (exit, output, _) = InvokeCapturing("-p", "6401", "-h");

        Assert.Equal(0, exit);
        Assert.Contains("-?, --help", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) InvokeCapturing(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ClientCommandLine.Invoke(ClientCommandLine.Build(_ => 0), args, output, error);
        return (exit, output.ToString(), error.ToString().ReplaceLineEndings("\n"));
    }

    private static ClientOptions Parse(params string[] args)
    {
        ClientOptions? parsed = null;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ClientCommandLine.Invoke(ClientCommandLine.Build(o => { parsed = o; return 0; }), args, output, error);
        Assert.True(exit == 0, error.ToString());
        return parsed!;
    }
}
