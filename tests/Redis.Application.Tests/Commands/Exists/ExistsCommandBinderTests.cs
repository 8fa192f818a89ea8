using Redis.Application.Commands.Exists;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Exists;

public class ExistsCommandBinderTests
{
    [Fact]
    public void BindsEveryKeyIncludingDuplicates()
    {
        var command = new ExistsCommandBinder().Bind("EXISTS a b a").AssertCommand<ExistsCommand>();

        Assert.Equal(["a", "b", "a"], command.Keys.Select(k => System.Text.Encoding.UTF8.GetString(k.Span)));
    }
}
