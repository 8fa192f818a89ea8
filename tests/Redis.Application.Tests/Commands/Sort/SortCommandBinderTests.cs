using Redis.Application.Commands.Sort;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Sort;

public class SortCommandBinderTests
{
    [Fact]
    public void BindsEveryOptionTheLastOfAKindWinning()
    {
        var command = new SortCommandBinder().Bind("SORT k BY w_* LIMIT 1 2 GET # GET h_*->f DESC ALPHA STORE a STORE b LIMIT 3 4").AssertCommand<SortCommand>();

        Assert.Equal("w_*"u8.ToArray(), command.By!.Value.ToArray());
        Assert.False(command.DontSort);
        Assert.Equal((3, 4), (command.Offset, command.Count));
        Assert.Equal(["#", "h_*->f"], command.Gets.Select(g => System.Text.Encoding.UTF8.GetString(g.Span)));
        Assert.True(command.Descending && command.Alpha);
        Assert.Equal("b"u8.ToArray(), command.Destination!.Value.ToArray());
    }

    [Fact]
    public void KeepsNotSortingOnceAPatternWithoutAStarWasGiven()
    {
        Assert.True(new SortCommandBinder().Bind("SORT k BY nosort BY w_*").AssertCommand<SortCommand>().DontSort);
    }

    [Theory]
    [InlineData("SORT k LIMIT 1", "ERR syntax error")]
    [InlineData("SORT k LIMIT a 1", "ERR value is not an integer or out of range")]
    [InlineData("SORT k LIMIT 1 a BOGUS", "ERR value is not an integer or out of range")]
    [InlineData("SORT k BY", "ERR syntax error")]
    [InlineData("SORT k GET", "ERR syntax error")]
    [InlineData("SORT k STORE", "ERR syntax error")]
    [InlineData("SORT k BOGUS LIMIT a b", "ERR syntax error")]
    public void AnswersTheFirstErrorInTheOptions(string request, string error)
    {
        Assert.Equal(error, new SortCommandBinder().Bind(request).AssertError());
    }

    [Fact]
    public void SortRoRefusesStoreAsASyntaxError()
    {
        Assert.Equal("ERR syntax error", new SortRoCommandBinder().Bind("SORT_RO k STORE dst").AssertError());
    }
}
