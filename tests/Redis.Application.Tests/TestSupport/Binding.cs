using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Runs a binder the way the router does, and reads its outcome.</summary>
internal static class Binding
{
    private static readonly Keyspace Unused = new();

    /// <summary>Binds a request written as space-separated words, for example <c>"SET k v EX 10"</c>.</summary>
    /// <param name="session">The connection it arrives on; a new one without a password when omitted.</param>
    public static BindResult Bind(this ICommandBinder binder, string request, ClientSession? session = null) =>
        binder.Bind(CommandArgs.From(request.Split(' ')), session);

    /// <param name="keyspace">The selected database it binds to; one no test reads when omitted.</param>
    public static BindResult Bind(this ICommandBinder binder, CommandArgs args, ClientSession? session = null, Keyspace? keyspace = null)
    {
        var cursor = new ArgCursor(args, session ?? TestSessions.Open(), keyspace: keyspace ?? Unused);
        return binder.Bind(ref cursor);
    }

    /// <summary>Asserts that binding produced a command of type <typeparamref name="T"/> and returns it.</summary>
    public static T AssertCommand<T>(this BindResult result)
    {
        Assert.True(result.Command is not null, $"Expected a command, got {result.Error}");
        return Assert.IsType<T>(result.Command);
    }

    /// <summary>Asserts that binding failed, and returns the error text without the <c>(error)</c> prefix.</summary>
    public static string AssertError(this BindResult result)
    {
        Assert.Null(result.Command);
        return ErrorText(result.Error);
    }

    /// <summary>The text of an error reply, exactly as sent after the '-'.</summary>
    public static string ErrorText(Reply reply)
    {
        Assert.Equal(ReplyKind.Error, reply.Kind);
        return Encoding.UTF8.GetString(reply.Bytes);
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
