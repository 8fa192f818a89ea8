using System.Text;
using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

public class AsciiCaseInsensitiveComparerTests
{
    private static readonly AsciiCaseInsensitiveComparer Comparer = AsciiCaseInsensitiveComparer.Instance;

    [Theory]
    [InlineData("get", "GET")]
    [InlineData("Expire", "eXPIRE")]
    [InlineData("", "")]
    public void TreatsNamesDifferingOnlyInAsciiCaseAsEqual(string left, string right)
    {
        var x = Encoding.ASCII.GetBytes(left);
        var y = Encoding.ASCII.GetBytes(right);

        Assert.True(Comparer.Equals(x, y));
        Assert.True(Comparer.Equals(x.AsSpan(), y));
        Assert.Equal(Comparer.GetHashCode(x), Comparer.GetHashCode(y.AsSpan()));
    }

    [Theory]
    [InlineData("get", "set")]
    [InlineData("get", "gets")]
    [InlineData("[", "{")]
    public void TreatsOtherNamesAsDifferent(string left, string right)
    {
        Assert.False(Comparer.Equals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right)));
    }
}
