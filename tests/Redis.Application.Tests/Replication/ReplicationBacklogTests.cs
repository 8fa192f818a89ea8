using System.Text;
using Redis.Application.Replication;

namespace Redis.Application.Tests.Replication;

public sealed class ReplicationBacklogTests
{
    private const int Capacity = 16 * 1024;

    [Fact]
    public void HoldsTheStreamFromItsFirstOffsetAndCopiesAnySuffix()
    {
        var backlog = new ReplicationBacklog(Capacity, nextOffset: 101);
        backlog.Append("hello "u8);
        backlog.Append("world"u8);

        Assert.Equal(101, backlog.FirstByteOffset);
        Assert.Equal(11, backlog.HistoryLength);
        Assert.True(backlog.TryCopyFrom(107, out var suffix));
        Assert.Equal("world", Encoding.ASCII.GetString(suffix));
        Assert.True(backlog.TryCopyFrom(112, out var nothing));
        Assert.Empty(nothing);
    }

    [Fact]
    public void RefusesOffsetsItNoLongerOrNotYetHolds()
    {
        var backlog = new ReplicationBacklog(Capacity, nextOffset: 1);
        backlog.Append(new byte[Capacity]);
        backlog.Append("abc"u8);

        Assert.Equal(4, backlog.FirstByteOffset);
        Assert.Equal(Capacity, backlog.HistoryLength);
        Assert.False(backlog.TryCopyFrom(3, out _));
        Assert.False(backlog.TryCopyFrom(4 + Capacity + 1, out _));
    }

    [Fact]
    public void WrapsAroundKeepingTheNewestBytesInOrder()
    {
        var backlog = new ReplicationBacklog(Capacity, nextOffset: 1);
        var stream = Enumerable.Range(0, 3 * Capacity + 123).Select(i => (byte)(i % 251)).ToArray();
        for (var at = 0; at < stream.Length; at += 1000)
        {
            backlog.Append(stream.AsSpan(at, Math.Min(1000, stream.Length - at)));
        }

        Assert.True(backlog.TryCopyFrom(backlog.FirstByteOffset, out var held));
        Assert.Equal(stream[^Capacity..], held);
        Assert.Equal(stream.Length + 1 - Capacity, backlog.FirstByteOffset);
    }

    [Fact]
    public void AWriteLargerThanTheBacklogKeepsItsTail()
    {
        var backlog = new ReplicationBacklog(Capacity, nextOffset: 1);
        backlog.Append("xy"u8);
        var big = Enumerable.Range(0, Capacity + 10).Select(i => (byte)i).ToArray();
        backlog.Append(big);

        Assert.Equal(2 + big.Length + 1 - Capacity, backlog.FirstByteOffset);
        Assert.True(backlog.TryCopyFrom(backlog.FirstByteOffset, out var held));
        Assert.Equal(big[10..], held);
    }
}
