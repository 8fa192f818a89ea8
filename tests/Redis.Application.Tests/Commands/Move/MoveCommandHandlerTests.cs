using Redis.Application.Commands.Move;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Move;

public class MoveCommandHandlerTests
{
    private readonly Databases _databases = new(16);
    private readonly MoveCommandHandler _handler;

    public MoveCommandHandlerTests()
    {
        _handler = new MoveCommandHandler(_databases, TestClock.Create(), TestEvents.Off);
    }

    [Fact]
    public async Task MovesTheKeyAndAnswersOne()
    {
        _databases[0].Set("k"u8, "v"u8);

        Assert.Equal(Reply.One, await Move(0, "k", 5));

        Assert.Equal(0, _databases[0].Count);
        Assert.Equal(1, _databases[5].Count);
    }

    [Fact]
    public async Task AnswersZeroWhenTheKeyIsMissingOrAlreadyInTheDestination()
    {
        _databases[0].Set("k"u8, "v"u8);
        _databases[1].Set("k"u8, "w"u8);

        Assert.Equal(Reply.Zero, await Move(0, "missing", 1));
        Assert.Equal(Reply.Zero, await Move(0, "k", 1));
        Assert.Equal(1, _databases[0].Count);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    public async Task AnswersDbIndexOutOfRangeGivenAnIndexOutside(int database)
    {
        Assert.Equal(Errors.DbIndexOutOfRange, await Move(0, "k", database));
    }

    [Fact]
    public async Task RefusesTheDatabaseTheKeyIsIn()
    {
        // Redis checks the destination before the key: even a missing key answers this.
        Assert.Equal(Errors.SameObject, await Move(2, "missing", 2));
    }

    private ValueTask<Reply> Move(int from, string key, int to) =>
        _handler.Handle(new MoveCommand(_databases[from], Binding.Bytes(key), to), CancellationToken.None);
}
