using Redis.Application.Abstractions;
using Redis.Application.Commands.Config;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Config;

public class ConfigGetCommandHandlerTests
{
    private readonly ConfigGetCommandHandler _handler = new(new FixedSettings(
    [
        new("port", "6379"),
        new("maxmemory", "0"),
        new("maxclients", "1"),
        new("save", ""),
    ]));

    [Theory]
    [InlineData(new[] { "port" }, new[] { "port", "6379" })]
    [InlineData(new[] { "PORT" }, new[] { "port", "6379" })]
    [InlineData(new[] { "*max*" }, new[] { "maxmemory", "0", "maxclients", "1" })]
    [InlineData(new[] { "port", "p?rt", "*" }, new[] { "port", "6379", "maxmemory", "0", "maxclients", "1", "save", "" })]
    [InlineData(new[] { "save", "port" }, new[] { "port", "6379", "save", "" })]
    [InlineData(new[] { "nope" }, new string[0])]
    public async Task ReturnsEachMatchingSettingOnceAsNameValuePairs(string[] patterns, string[] expected)
    {
        var reply = await _handler.Handle(new ConfigGetCommand([.. patterns.Select(Binding.Bytes)]), CancellationToken.None);

        Assert.Equal(Reply.Map([.. expected.Select(Reply.Bulk)]), reply);
    }

    private sealed class FixedSettings(IReadOnlyList<KeyValuePair<string, string>> parameters) : IServerSettings
    {
        public event Action<string>? Changed { add { } remove { } }

        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

        public string? TrySet(IReadOnlyList<KeyValuePair<string, string>> changes) => throw new NotSupportedException();
    }
}
