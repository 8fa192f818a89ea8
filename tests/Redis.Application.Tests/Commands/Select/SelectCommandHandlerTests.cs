using Redis.Application.Commands.Select;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Select;

public class SelectCommandHandlerTests
{
    private readonly SelectCommandHandler _handler = new();

    [Fact]
    public async Task SelectsDatabaseZero()
    {
        Assert.Equal(Reply.Ok, await _handler.Handle(new SelectCommand(0), CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task AnswersDbIndexOutOfRangeGivenAnyOtherIndex(int index)
    {
        Assert.Equal(Errors.DbIndexOutOfRange, await _handler.Handle(new SelectCommand(index), CancellationToken.None));
    }
}
