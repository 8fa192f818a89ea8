using Moq;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Shutdown;
using Redis.Application.Scripting;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Shutdown;

public sealed class ShutdownCommandTests
{
    private readonly ShutdownCommandBinder _binder = new();
    private readonly StopCounter _lifetime = new();
    private readonly Mock<IPersistence> _persistence = new();

    public ShutdownCommandTests()
    {
        _persistence.Setup(p => p.PrepareForShutdown(It.IsAny<ShutdownSave>())).Returns(true);
    }

    [Theory]
    [InlineData("SHUTDOWN FOO")]
    [InlineData("SHUTDOWN SAVE NOSAVE")]
    [InlineData("SHUTDOWN ABORT NOW")]
    [InlineData("SHUTDOWN NOSAVE ABORT")]
    public void RefusesTheMixesRedisRefuses(string request) => Assert.Equal("ERR syntax error", _binder.Bind(request, TestSessions.Open()).AssertError());

    [Fact]
    public async Task AbortFindsNoShutdownInProgress()
    {
        var reply = await Run("SHUTDOWN ABORT");

        Assert.Equal("ERR No shutdown in progress.", Binding.ErrorText(reply));
        Assert.Equal(0, _lifetime.Requests);
    }

    [Fact]
    public async Task AFailedSaveKeepsTheServerUpUnlessForced()
    {
        _persistence.Setup(p => p.PrepareForShutdown(ShutdownSave.Save)).Returns(false);

        Assert.Equal("ERR Errors trying to SHUTDOWN. Check logs.", Binding.ErrorText(await Run("SHUTDOWN SAVE")));
        Assert.Equal(0, _lifetime.Requests);

        await Run("SHUTDOWN SAVE FORCE");
        Assert.Equal(1, _lifetime.Requests);
    }

    [Theory]
    [InlineData("SHUTDOWN", ShutdownSave.Default)]
    [InlineData("SHUTDOWN SAVE", ShutdownSave.Save)]
    [InlineData("shutdown nosave now", ShutdownSave.NoSave)]
    public async Task TellsThePersistenceWhetherToSave(string request, ShutdownSave save)
    {
        await Run(request);

        _persistence.Verify(p => p.PrepareForShutdown(save), Times.Once);
        Assert.Equal(1, _lifetime.Requests);
    }

    [Theory]
    [InlineData("SHUTDOWN")]
    [InlineData("shutdown nosave now force")]
    public async Task StopsTheServerAndClosesWithoutAReply(string request)
    {
        var session = TestSessions.Open();
        await Run(request, session);

        Assert.Equal(1, _lifetime.Requests);
        Assert.True(session.CloseAfterReply);
        Assert.False(session.CompleteReply());
    }

    private async Task<Reply> Run(string request, Redis.Application.Sessions.ClientSession? session = null) =>
        await new ShutdownCommandHandler(_lifetime, _persistence.Object, new RunningScript(TestSettings.None, TimeProvider.System)).Handle(
            _binder.Bind(request, session ?? TestSessions.Open()).AssertCommand<ShutdownCommand>(), CancellationToken.None);

    private sealed class StopCounter : IServerLifetime
    {
        public int Requests { get; private set; }

        public void RequestShutdown() => Requests++;
    }
}
