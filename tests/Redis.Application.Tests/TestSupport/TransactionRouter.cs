using Mediator;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Auth;
using Redis.Application.Commands.Client;
using Redis.Application.Commands.Discard;
using Redis.Application.Commands.Exec;
using Redis.Application.Commands.Get;
using Redis.Application.Commands.Incr;
using Redis.Application.Commands.Multi;
using Redis.Application.Commands.Ping;
using Redis.Application.Commands.Publish;
using Redis.Application.Commands.PSubscribe;
using Redis.Application.Commands.PUnsubscribe;
using Redis.Application.Commands.Subscribe;
using Redis.Application.Commands.Unsubscribe;
using Redis.Application.Commands.Set;
using Redis.Application.Commands.Unwatch;
using Redis.Application.Commands.Watch;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Routing;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.TestSupport;

/// <summary>
/// A router over the transaction commands and a few others, with their real handlers behind a stand-in for the
/// generated mediator, for tests that run MULTI/EXEC through the path a request takes.
/// </summary>
internal sealed class TransactionRouter
{
    private readonly Mock<ISender> _sender = new(MockBehavior.Strict);

    /// <summary>The settings the memory limit reads: <c>maxmemory</c> 0 and <c>noeviction</c> until a test sets them.</summary>
    public TestSettings Settings { get; } = new(new("maxmemory", "0"), new("maxmemory-policy", "noeviction"));

    /// <summary>What the router checks before each command when <c>maxmemory</c> is set; its start-up figure is 0, so used memory is the dataset.</summary>
    public MemoryLimit Memory { get; }

    /// <summary>Where evictions are counted.</summary>
    public ServerStatistics Statistics { get; } = new();

    public TransactionRouter(string? password = null)
    {
        var user = new DefaultUser(password is null ? TestSettings.None : TestSettings.WithPassword(password));
        Sessions = new ClientRegistry(user, PubSub);
        var table = Table = new CommandTable(
        [
            new MultiCommandBinder(), new ExecCommandBinder(), new DiscardCommandBinder(), new WatchCommandBinder(),
            new UnwatchCommandBinder(), new SetCommandBinder(), new GetCommandBinder(), new IncrCommandBinder(),
            new PingCommandBinder(), new AuthCommandBinder(), new ClientCommandBinder(),
            new SubscribeCommandBinder(), new UnsubscribeCommandBinder(), new PSubscribeCommandBinder(),
            new PUnsubscribeCommandBinder(), new PublishCommandBinder(),
        ]);
        Propagation = new CommandPropagation(Databases);
        var pause = Pause = new ClientPause(Clock);
        Memory = new MemoryLimit(Databases, Settings, TestEvents.Off, Propagation, Statistics, Clock, startupBytes: 0);
        Router = new CommandRouter(table, _sender.Object, user, pause, new RunningScript(TestSettings.None, TimeProvider.System), Databases, new SlowLog(TestSettings.None), new ClientRegistry(user), TimeProvider.System, Persistence.Object, Propagation, Errors, Memory, TestReplication.Create(Databases, Propagation));
        var exec = new ExecCommandHandler(Router, Clock, Propagation);
        var client = new ClientCommandHandler(Sessions, pause, new BlockedClients(Databases, Clock), TestSettings.None, table, Errors, Clock);
        _sender
            .Setup(s => s.Send(It.IsAny<IRequest<Reply>>(), It.IsAny<CancellationToken>()))
            .Returns((IRequest<Reply> request, CancellationToken ct) => request switch
            {
                MultiCommand multi => new MultiCommandHandler().Handle(multi, ct),
                ExecCommand command => exec.Handle(command, ct),
                DiscardCommand discard => new DiscardCommandHandler().Handle(discard, ct),
                WatchCommand watch => new WatchCommandHandler(Clock).Handle(watch, ct),
                UnwatchCommand unwatch => new UnwatchCommandHandler().Handle(unwatch, ct),
                SetCommand set => new SetCommandHandler(Clock, TestEvents.Off, Propagation).Handle(set, ct),
                GetCommand get => new GetCommandHandler(Clock).Handle(get, ct),
                IncrCommand incr => new IncrCommandHandler(Clock, TestEvents.Off).Handle(incr, ct),
                PingCommand ping => new PingCommandHandler().Handle(ping, ct),
                AuthCommand auth => new AuthCommandHandler(user).Handle(auth, ct),
                ClientCommand command => client.Handle(command, ct),
                SubscribeCommand subscribe => new SubscribeCommandHandler(PubSub).Handle(subscribe, ct),
                UnsubscribeCommand unsubscribe => new UnsubscribeCommandHandler(PubSub).Handle(unsubscribe, ct),
                PSubscribeCommand subscribe => new PSubscribeCommandHandler(PubSub).Handle(subscribe, ct),
                PUnsubscribeCommand unsubscribe => new PUnsubscribeCommandHandler(PubSub).Handle(unsubscribe, ct),
                PublishCommand publish => new PublishCommandHandler(PubSub).Handle(publish, ct),
                _ => throw new NotSupportedException(request.GetType().Name),
            });
    }

    /// <summary>The databases the commands work on.</summary>
    public Databases Databases { get; } = new();

    /// <summary>Database 0, where a connection starts.</summary>
    public Keyspace Keyspace => Databases[0];

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public PubSubRegistry PubSub { get; } = new();

    public ClientRegistry Sessions { get; }

    public ClientPause Pause { get; }

    /// <summary>The files' state as the router sees it: writes allowed unless a test says otherwise.</summary>
    public Mock<IPersistence> Persistence { get; } = new();

    /// <summary>Where the router and EXEC hand the writes; a test attaches a log to see them.</summary>
    public CommandPropagation Propagation { get; }

    public CommandRouter Router { get; }

    /// <summary>The commands the router knows, whose specs carry their <c>INFO commandstats</c> counters.</summary>
    public CommandTable Table { get; }

    /// <summary>The error replies counted for <c>INFO errorstats</c>.</summary>
    public ErrorStatistics Errors { get; } = new();

    /// <summary>The counters of the command or subcommand named <paramref name="fullName"/> (<c>client|id</c>).</summary>
    public CommandCounters Counters(string fullName)
    {
        var name = fullName.Split('|');
        Table.TryFind(System.Text.Encoding.ASCII.GetBytes(name[0]), out var binder);
        var counters = binder.Spec.Counters;
        return name.Length == 1 ? counters : counters.Subcommands[binder.Spec.FindSubcommandIndex(System.Text.Encoding.ASCII.GetBytes(name[1]))];
    }

    /// <summary>Runs a request written as space-separated words on <paramref name="session"/>.</summary>
    public Reply Run(ClientSession session, string request) => Router.Execute(session, CommandArgs.From(request.Split(' ')));
}
