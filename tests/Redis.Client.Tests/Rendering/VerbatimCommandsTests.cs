using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Tests.Rendering;

/// <summary>The commands redis-cli 7.0's <c>cliSendCommand</c> prints raw on a terminal, with its argument counts.</summary>
public class VerbatimCommandsTests
{
    [Theory]
    [InlineData("INFO")]
    [InlineData("info server")]
    [InlineData("LOLWUT")]
    [InlineData("debug htstats 0")]
    [InlineData("DEBUG HTSTATS-KEY k")]
    [InlineData("debug client-eviction")]
    [InlineData("memory malloc-stats")]
    [InlineData("MEMORY DOCTOR")]
    [InlineData("cluster nodes")]
    [InlineData("CLUSTER INFO")]
    [InlineData("client list")]
    [InlineData("CLIENT LIST TYPE normal")]
    [InlineData("client info")]
    [InlineData("latency graph command")]
    [InlineData("latency doctor")]
    [InlineData("proxy info")]
    public void PrintsTheseVerbatim(string command)
    {
        Assert.True(VerbatimCommands.Contains(CommandArgs.From(command.Split(' '))));
    }

    [Theory]
    [InlineData("GET info")]
    [InlineData("client")]
    [InlineData("client getname")]
    [InlineData("cluster nodes extra")]
    [InlineData("latency graph")]
    [InlineData("latency doctor now")]
    [InlineData("memory usage k")]
    [InlineData("debug object k")]
    public void FormatsTheseAsUsual(string command)
    {
        Assert.False(VerbatimCommands.Contains(CommandArgs.From(command.Split(' '))));
    }
}
