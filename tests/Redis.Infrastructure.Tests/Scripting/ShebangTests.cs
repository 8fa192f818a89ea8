using System.Text;
using Redis.Infrastructure.Scripting;

namespace Redis.Infrastructure.Tests.Scripting;

/// <summary>Redis 7's <c>evalExtractShebangFlags</c>, its texts checked against redis-server 7.0.15.</summary>
public sealed class ShebangTests
{
    [Theory]
    [InlineData("#!lua flags=bogus\nreturn 1", "Unexpected flag in script shebang: bogus")]
    [InlineData("#!python\nreturn 1", "Unexpected engine in script shebang: #!python")]
    [InlineData("#!lua x=1\nreturn 1", "Unknown lua shebang option: x=1")]
    [InlineData("#!lua", "Invalid script shebang")]
    public void AnInvalidShebangIsRefusedWithRedissText(string body, string expected) =>
        Assert.Equal(expected, Shebang.TryRead(Encoding.UTF8.GetBytes(body), out _, out _, out _));

    [Fact]
    public void NoWritesIsReadAndTheCodeStartsAtTheLineEnd()
    {
        var body = "#!lua flags=no-writes,allow-oom\nreturn 1"u8;

        Assert.Null(Shebang.TryRead(body, out var offset, out var noWrites, out var compatible));
        Assert.True(noWrites);
        Assert.False(compatible);
        Assert.Equal(body.IndexOf((byte)'\n'), offset);
    }

    [Fact]
    public void AScriptWithoutShebangIsInCompatibilityMode()
    {
        Assert.Null(Shebang.TryRead("return 1"u8, out var offset, out var noWrites, out var compatible));
        Assert.Equal(0, offset);
        Assert.False(noWrites);
        Assert.True(compatible);
    }
}
