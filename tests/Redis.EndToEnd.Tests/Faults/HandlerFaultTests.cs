using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Commands.Echo;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>
/// An exception inside one command (a bug) answers that command with an error; the connection, the other commands of
/// its pipeline, and the server go on.
/// </summary>
/// <remarks>
/// The fault is injected through the real mediator: the generated dispatcher runs every
/// <see cref="IPipelineBehavior{TMessage, TResponse}"/> registered for a request, so the fixture adds one for
/// <c>ECHO</c> that throws when the message is <c>boom</c>, as a bug in a handler would.
/// </remarks>
public abstract class HandlerFaultTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : HandlerFaultTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : HandlerFaultTests(server), IClassFixture<Server<EventLoopTransport>>;

    private const string InternalError = "-ERR internal error while running the command; see the server log\r\n";

    [Fact]
    public void FaultingCommandGetsAnErrorAndTheConnectionGoesOn()
    {
        using (var client = server.Connect())
        {
            Assert.Equal(InternalError, client.Call("ECHO", "boom"));
            Assert.Equal("+PONG\r\n", client.Call("PING"));
            Assert.Equal("$2\r\nok\r\n", client.Call("ECHO", "ok"));
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
    }

    [Fact]
    public void OtherCommandsOfThePipelineRunAndAreAnswered()
    {
        using var client = server.Connect();

        client.Send([.. Resp.Command("SET", "fault:a", "1"), .. Resp.Command("ECHO", "boom"), .. Resp.Command("SET", "fault:b", "2"), .. "ECHO boom\r\n"u8, .. "GET fault:b\r\n"u8]);

        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal(InternalError, client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal(InternalError, client.ReadReplyText());
        Assert.Equal("$1\r\n2\r\n", client.ReadReplyText());
        Assert.Equal(":2\r\n", client.Call("EXISTS", "fault:a", "fault:b"));
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IPipelineBehavior<EchoCommand, Reply>, ThrowOnBoom>();
    }

    private sealed class ThrowOnBoom : IPipelineBehavior<EchoCommand, Reply>
    {
        public ValueTask<Reply> Handle(EchoCommand message, MessageHandlerDelegate<EchoCommand, Reply> next, CancellationToken cancellationToken) =>
            message.Message.AsSpan().SequenceEqual("boom"u8)
                ? throw new InvalidOperationException("A bug in ECHO, injected by the test.")
                : next(message, cancellationToken);
    }
}
