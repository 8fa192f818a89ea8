using Redis.Application.Routing.Metadata;

namespace Redis.Application.Tests.Routing.Metadata;

/// <summary>
/// <see cref="KeySpec.TryAddKeys"/> reads Redis 7.0.15's key specs as <c>getKeysUsingKeySpecs</c> does, including those
/// of commands the server does not serve yet; each expectation is redis-server's <c>COMMAND GETKEYSANDFLAGS</c>.
/// </summary>
public class KeySpecTests
{
    [Theory]
    [InlineData("xread count 2 streams a b 0 0", "a RO access b RO access")]
    [InlineData("georadius k 1 2 3 m store d storedist e", "k RO access d OW update e OW update")]
    [InlineData("eval s 2 a b c", "a RW access update b RW access update")]
    [InlineData("xreadgroup group g c streams a 0", "a RO access")]
    [InlineData("smove a b c", "a RW access delete b RW insert")]
    public void FindsTheKeysAndFlagsRedisFinds(string command, string expected)
    {
        var words = command.Split(' ').Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var metadata = CommandMetadataCatalog.Redis70.Find(command.Split(' ')[0])!;
        var keys = new List<(int Position, KeyAccess Flags)>();

        Assert.All(metadata.KeySpecs, spec => Assert.True(spec.TryAddKeys(words, metadata.Arity < 0, keys)));

        Assert.Equal(expected, string.Join(' ', keys.Select(key => command.Split(' ')[key.Position] + " " + Names(key.Flags))));
    }

    [Fact]
    public void RefusesAKeyCountThatIsNotANumber()
    {
        var metadata = CommandMetadataCatalog.Redis70.Find("zunionstore")!;
        var words = "zunionstore d x a".Split(' ').Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

        Assert.False(metadata.KeySpecs[1].TryAddKeys(words, negativeArity: true, []));
    }

    [Theory]
    [InlineData("get", 1, 1, 1, false)]
    [InlineData("mset", 1, -1, 2, false)]
    [InlineData("smove", 1, 2, 1, false)]
    [InlineData("zunionstore", 1, 1, 1, true)]
    [InlineData("sort", 1, 1, 1, true)]
    [InlineData("xread", 0, 0, 0, true)]
    [InlineData("ping", 0, 0, 0, false)]
    public void DerivesTheLegacyKeyRangeAsRedis(string name, int first, int last, int step, bool movable) =>
        Assert.Equal((first, last, step, movable), CommandMetadataCatalog.Redis70.Find(name)!.LegacyKeyRange);

    private static string Names(KeyAccess flags) => string.Join(' ', Enum.GetValues<KeyAccess>()
        .Where(flag => flag != KeyAccess.None && flags.HasFlag(flag))
        .Select(flag => flag switch
        {
            KeyAccess.RO or KeyAccess.RW or KeyAccess.OW or KeyAccess.RM => flag.ToString(),
            _ => flag.ToString().ToLowerInvariant(),
        }));
}
