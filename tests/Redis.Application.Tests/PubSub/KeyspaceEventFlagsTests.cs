using Redis.Application.PubSub;

namespace Redis.Application.Tests.PubSub;

public class KeyspaceEventFlagsTests
{
    // Inputs and CONFIG GET answers taken from redis-server 7.0.15.
    [Theory]
    [InlineData("", "")]
    [InlineData("KEA", "AKE")]
    [InlineData("Ex", "xE")]
    [InlineData("KEAnm", "AKEm")]
    [InlineData("g$lshzxetd", "A")]
    [InlineData("Kgn", "gnK")]
    [InlineData("mEK$", "$KEm")]
    [InlineData("xxKK", "xK")]
    public void ParsesLettersAndFormatsThemInRedisOrder(string text, string canonical)
    {
        Assert.True(KeyspaceEventFlags.TryParse(text, out var classes));
        Assert.Equal(canonical, KeyspaceEventFlags.Format(classes));
    }

    [Fact]
    public void AllLeavesOutNewAndKeyMiss()
    {
        Assert.True(KeyspaceEventFlags.TryParse("A", out var classes));
        Assert.Equal(KeyspaceEventClasses.All, classes);
        Assert.Equal(0, (int)(classes & (KeyspaceEventClasses.New | KeyspaceEventClasses.KeyMiss | KeyspaceEventClasses.Keyspace)));
        Assert.Equal(0x27FC, (int)classes);
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("KE ")]
    [InlineData("a")]
    [InlineData("kea")]
    public void RefusesACharacterThatIsNoClass(string text)
    {
        Assert.False(KeyspaceEventFlags.TryParse(text, out var classes));
        Assert.Equal(KeyspaceEventClasses.None, classes);
    }

    [Fact]
    public void EveryFormRoundTrips()
    {
        for (var bits = 0; bits < 1 << 15; bits++)
        {
            var classes = (KeyspaceEventClasses)bits & (KeyspaceEventClasses.All | KeyspaceEventClasses.Keyspace | KeyspaceEventClasses.Keyevent | KeyspaceEventClasses.KeyMiss);
            Assert.True(KeyspaceEventFlags.TryParse(KeyspaceEventFlags.Format(classes), out var parsed));
            Assert.Equal(classes, parsed);
        }
    }
}
