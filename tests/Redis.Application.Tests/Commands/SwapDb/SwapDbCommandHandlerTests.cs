using Redis.Application.Commands.SwapDb;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.SwapDb;

public class SwapDbCommandHandlerTests
{
    private readonly Databases _databases = new(16);
    private readonly SwapDbCommandHandler _handler;

    public SwapDbCommandHandlerTests()
    {
        _handler = new SwapDbCommandHandler(_databases, TestClock.Create());
    }

    [Fact]
    public async Task SwapsTheKeysOfTwoDatabases()
    {
        _databases[0].Set("k"u8, "v"u8);

        Assert.Equal(Reply.Ok, await _handler.Handle(new SwapDbCommand(0, 15), CancellationToken.None));

        Assert.Equal(0, _databases[0].Count);
        Assert.Equal(1, _databases[15].Count);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(16, 0)]
    [InlineData(-1, 0)]
    [InlineData(3, 3000)]
    public async Task AnswersDbIndexOutOfRangeGivenEitherIndexOutside(int first, int second)
    {
        _databases[0].Set("k"u8, "v"u8);

        Assert.Equal(Errors.DbIndexOutOfRange, await _handler.Handle(new SwapDbCommand(first, second), CancellationToken.None));
        Assert.Equal(1, _databases[0].Count);
    }
}
