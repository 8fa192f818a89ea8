using System.Text;
using Redis.Application.Commands.Monitor;
using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Monitor;

public sealed class MonitorLineTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_796_187_987_943).AddTicks(2_640);

    private readonly ClientSession _session = new ClientRegistry(new DefaultUser(TestSettings.None)).Open("127.0.0.1:50340", "127.0.0.1:6379");

    [Fact]
    public void TheLineHasTheTimeTheDatabaseThePeerAndEveryWordQuoted()
    {
        _session.Database = 3;
        Assert.Equal("+1796187987.943264 [3 127.0.0.1:50340] \"set\" \"x y\" \"a\\\"b\\n\\x01\"", Line("set", "set", "x y", "a\"b\n\x01"));
    }

    [Theory]
    [InlineData("\"auth\" \"(redacted)\"", "auth", "secret")]
    [InlineData("\"auth\" \"(redacted)\" \"(redacted)\"", "auth", "user", "secret")]
    [InlineData("\"auth\" \"a\" \"b\" \"c\"", "auth", "a", "b", "c")]
    [InlineData("\"hello\" \"3\" \"auth\" \"(redacted)\" \"(redacted)\" \"setname\" \"n\"", "hello", "3", "auth", "u", "p", "setname", "n")]
    [InlineData("\"hello\" \"3\" \"setname\" \"n\" \"AUTH\" \"(redacted)\" \"(redacted)\"", "hello", "3", "setname", "n", "AUTH", "u", "p")]
    [InlineData("\"hello\" \"3\" \"auth\" \"u\"", "hello", "3", "auth", "u")]
    public void AuthAndHelloSecretsAreRedactedAsRedisDoes(string expected, params string[] words)
    {
        Assert.EndsWith("] " + expected, Line(words[0], words), StringComparison.Ordinal);
    }

    private string Line(string name, params string[] words)
    {
        var reply = MonitorLine.Format(_session, new CommandSpec(name, -1, []), CommandArgs.From(words), Now);
        return reply.ToString() ?? string.Empty;
    }
}
