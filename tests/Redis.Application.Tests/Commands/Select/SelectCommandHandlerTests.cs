using Redis.Application.Cluster;
using Redis.Application.Commands.Select;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Select;

public class SelectCommandHandlerTests
{
    private readonly SelectCommandHandler _handler = new(new Databases(16), new ClusterState(TestSettings.None, TimeProvider.System));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    public async Task SelectsADatabaseInRange(int index)
    {
        var session = TestSessions.Open();

        Assert.Equal(Reply.Ok, await _handler.Handle(new SelectCommand(session, index), CancellationToken.None));
        Assert.Equal(index, session.Database);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public async Task AnswersDbIndexOutOfRangeAndKeepsTheDatabaseGivenAnIndexOutside(int index)
    {
        var session = TestSessions.Open();
        session.Database = 3;

        Assert.Equal(Errors.DbIndexOutOfRange, await _handler.Handle(new SelectCommand(session, index), CancellationToken.None));
        Assert.Equal(3, session.Database);
    }
}
