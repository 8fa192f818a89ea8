namespace Redis.Testing;

/// <summary>A transport of the server (<c>io-model</c>), as a type argument: <c>ServerFixture&lt;EventLoopTransport&gt;</c>.</summary>
/// <remarks>
/// A type rather than a setting because xunit builds fixtures with no arguments: a fixture class generic in its
/// transport is written once with its settings and closed twice, once per transport, by the suite's two test classes.
/// </remarks>
public interface ITransport
{
    /// <summary>The <c>io-model</c> value that selects it.</summary>
    static abstract string IoModel { get; }
}

/// <summary>The default transport: one thread, blocking sockets, one client at a time.</summary>
public sealed class BlockingTransport : ITransport
{
    public static string IoModel => "blocking";
}

/// <summary>One thread, epoll, every client at once.</summary>
public sealed class EventLoopTransport : ITransport
{
    public static string IoModel => "event-loop";
}

/// <summary>The real server on the transport <typeparamref name="TTransport"/>; subclass it for a suite's own settings.</summary>
public class ServerFixture<TTransport> : ServerFixture
    where TTransport : ITransport
{
    protected sealed override string IoModel => TTransport.IoModel;
}
