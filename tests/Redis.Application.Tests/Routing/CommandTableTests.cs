using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Routing;

namespace Redis.Application.Tests.Routing;

public class CommandTableTests
{
    private static readonly Type[] BinderTypes =
    [
        .. typeof(CommandRouter).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandBinder).IsAssignableFrom(t)),
    ];

    [Fact]
    public void RegisteredTableHoldsEveryBinderInTheAssembly()
    {
        var registration = new ServiceCollection().AddRedisApplication().Single(d => d.ServiceType == typeof(CommandTable));

        // The table's factory needs no service: binders are created by the table's own scan.
        var table = (CommandTable)registration.ImplementationFactory!(null!);

        Assert.NotEmpty(BinderTypes);
        Assert.Equal(
            BinderTypes.Select(t => ((ICommandBinder)Activator.CreateInstance(t, nonPublic: true)!).Spec.Name).Order(StringComparer.Ordinal),
            table.Commands.Select(c => c.Name));
    }

    /// <summary>Names and arities as redis-server 7.0.15 reports them in <c>COMMAND INFO</c>.</summary>
    [Theory]
    [InlineData("command", -1)]
    [InlineData("config", -2)]
    [InlineData("del", -2)]
    [InlineData("echo", 2)]
    [InlineData("exists", -2)]
    [InlineData("expire", -3)]
    [InlineData("get", 2)]
    [InlineData("ping", -1)]
    [InlineData("pttl", 2)]
    [InlineData("quit", -1)]
    [InlineData("set", -3)]
    [InlineData("ttl", 2)]
    [InlineData("unlink", -2)]
    public void FindsDiscoveredCommandWithRedisArity(string name, int arity)
    {
        var table = CommandTable.FromAssembly();

        Assert.True(table.TryFind(System.Text.Encoding.ASCII.GetBytes(name.ToUpperInvariant()), out var binder));
        Assert.Equal(name, binder.Spec.Name);
        Assert.Equal(arity, binder.Spec.Arity);
    }

    [Fact]
    public void ListsCommandsOrderedByName()
    {
        var table = new CommandTable([new FakeBinder("set"), new FakeBinder("del"), new FakeBinder("get")]);

        Assert.Equal(["del", "get", "set"], table.Commands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("GET")]
    [InlineData("gEt")]
    public void FindsCommandIgnoringAsciiCase(string name)
    {
        var binder = new FakeBinder("get");
        var table = new CommandTable([binder]);

        Assert.True(table.TryFind(System.Text.Encoding.ASCII.GetBytes(name), out var found));
        Assert.Same(binder, found);
    }

    [Theory]
    [InlineData("ge")]
    [InlineData("gett")]
    [InlineData("")]
    public void FindsNothingGivenUnknownName(string name)
    {
        var table = new CommandTable([new FakeBinder("get")]);

        Assert.False(table.TryFind(System.Text.Encoding.ASCII.GetBytes(name), out _));
    }

    [Theory]
    [InlineData("get", "get")]
    [InlineData("get", "GET")]
    public void ThrowsGivenTwoBindersWithTheSameName(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandTable([new FakeBinder(first), new FakeBinder(second)]));

        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    private sealed class FakeBinder(string name) : ICommandBinder
    {
        public CommandSpec Spec { get; } = new(name, 1, []);

        public BindResult Bind(ref ArgCursor args) => throw new NotSupportedException();
    }
}
