using Redis.Application.Commands.Get;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Sessions;

public class TransactionStateTests
{
    private readonly TransactionState _transaction = new();
    private readonly Keyspace _keyspace = new();

    [Fact]
    public void QueuesACopyThatOutlivesTheReceiveBuffer()
    {
        var buffer = "GETk"u8.ToArray();
        var args = new CommandArgs(buffer, [new ArgSlice(0, 3), new ArgSlice(3, 1)], 2);
        _transaction.Begin();

        _transaction.Queue(new GetCommandBinder(), args);
        buffer.AsSpan().Fill((byte)'x');

        var queued = _transaction.Queued[0].Args;
        Assert.Equal(2, queued.Count);
        Assert.Equal("GET"u8.ToArray(), queued[0].ToArray());
        Assert.Equal("k"u8.ToArray(), queued[1].ToArray());
    }

    [Fact]
    public void FlagsAQueueingErrorOnlyInsideMulti()
    {
        _transaction.FlagQueueingError();
        Assert.False(_transaction.HasQueueingError);

        _transaction.Begin();
        _transaction.FlagQueueingError();
        Assert.True(_transaction.HasQueueingError);
    }

    [Fact]
    public void WatchesAKeyOnceAndReleasesEveryWatchOnDiscard()
    {
        _transaction.Watch(_keyspace, "k"u8, 0);
        _transaction.Watch(_keyspace, "k"u8, 0);
        Assert.Single(_transaction.Watches);
        var watch = _transaction.Watches[0];

        _transaction.Discard();
        _keyspace.Set("k"u8, "v"u8);

        Assert.Empty(_transaction.Watches);
        Assert.False(watch.IsTouched);
    }
}
