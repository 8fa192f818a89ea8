using System.Text;
using Microsoft.Extensions.Time.Testing;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Replication;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Replication;

public sealed class ReplicationStateTests
{
    private readonly Databases _databases = new(16);
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly ClientRegistry _clients = new(new DefaultUser(TestSettings.None));
    private readonly BlockedClients _blocked;
    private readonly CommandPropagation _propagation;
    private readonly FakeLinks _links = new();
    private readonly ReplicationState _replication;

    public ReplicationStateTests()
    {
        _blocked = new BlockedClients(_databases, _clock);
        _propagation = new CommandPropagation(_databases);
        _replication = new ReplicationState(_propagation, _blocked, _clients, new TestSettings(new KeyValuePair<string, string>("repl-ping-replica-period", "10")), _clock)
        {
            Links = _links,
        };
    }

    [Fact]
    public void NothingIsEncodedBeforeTheFirstReplicaAsksForABacklog()
    {
        var oldId = _replication.ReplicationId;
        Write(0, "SET", "k", "v");

        Assert.Equal(0, _replication.Offset);
        Assert.Null(_replication.Backlog);

        Attach(online: false);
        Assert.NotEqual(oldId, _replication.ReplicationId);
        Assert.Equal(1, _replication.Backlog!.FirstByteOffset);
    }

    [Fact]
    public void AWaitingReplicaGetsItsRdbThenTheStreamWrittenMeanwhileWithASelectOnEachDatabaseChange()
    {
        var (replica, connection) = Attach(online: false);
        Write(0, "SET", "a", "1");
        Write(0, "SET", "b", "2");
        Write(3, "DEL", "c");
        Assert.Empty(connection.Delivered);

        _replication.SendSnapshot(replica, "RDB"u8.ToArray());

        var sent = string.Concat(connection.Delivered.Select(r => Encoding.ASCII.GetString(r.Bytes)));
        const string stream = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n" +
            "*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*2\r\n$3\r\nDEL\r\n$1\r\nc\r\n";
        Assert.Equal("$3\r\nRDB" + stream, sent);
        Assert.Equal(stream.Length, _replication.Offset);
        Assert.Equal(ReplicaState.Online, replica.State);

        Write(3, "SET", "d", "4");
        Assert.Equal("*3\r\n$3\r\nSET\r\n$1\r\nd\r\n$1\r\n4\r\n", Encoding.ASCII.GetString(connection.Delivered[^1].Bytes));
    }

    [Fact]
    public void AReplicaContinuesThisHistoryOrThePreviousOneUpToWhereTheyParted()
    {
        Attach(online: true);
        Write(0, "SET", "a", "1");
        var id = _replication.ReplicationId;
        var end = _replication.Offset;

        Assert.True(_replication.TryContinue(id, end + 1, out var none));
        Assert.Empty(none);
        Assert.True(_replication.TryContinue(id, end - 1, out var tail));
        Assert.Equal("\r\n", Encoding.ASCII.GetString(tail));
        Assert.False(_replication.TryContinue("0123456789012345678901234567890123456789", end + 1, out _));
        Assert.False(_replication.TryContinue("?", -1, out _));
        Assert.Equal(1, _replication.PartialSyncsRefused);

        // A replica promoted to master keeps its old id as the second one, valid up to where the histories part.
        _replication.BecomeReplicaOf("127.0.0.1", 6390);
        _replication.BecomeMaster();
        Assert.Equal(id, _replication.ReplicationId2);
        Assert.Equal(end + 1, _replication.SecondOffset);
        Assert.True(_replication.TryContinue(id, end + 1, out _));
        Assert.False(_replication.TryContinue(id, end + 2, out _));
    }

    [Fact]
    public void WaitEndsWhenEnoughReplicasAcknowledgeTheOffsetOrAtItsDeadline()
    {
        var (first, firstConnection) = Attach(online: true);
        var (second, _) = Attach(online: true);
        Write(0, "SET", "a", "1");
        var client = _clients.Open("127.0.0.1:50000", "127.0.0.1:6379");
        client.MayBlock = true;

        _replication.Wait(client, _replication.Offset, needed: 2, timeout: 1000);
        Assert.Contains("GETACK", Encoding.ASCII.GetString(firstConnection.Delivered[^1].Bytes), StringComparison.Ordinal);
        _replication.Acknowledge(first.Session, _replication.Offset);
        Assert.False(_blocked.HasWork);

        var late = _clients.Open("127.0.0.1:50001", "127.0.0.1:6379");
        _replication.Wait(late, _replication.Offset + 1000, needed: 1, timeout: 500);
        _replication.Acknowledge(second.Session, _replication.Offset);
        Assert.Equal(Reply.Integer(2), _blocked.BeforeRun(client));

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _blocked.TimeOut();
        Assert.Equal(Reply.Integer(0), _blocked.BeforeRun(late));
    }

    [Fact]
    public void AMasterPingsItsReplicasEveryPeriodThroughTheStream()
    {
        var (_, connection) = Attach(online: true);
        _replication.Cron();
        var offset = _replication.Offset;
        _clock.Advance(TimeSpan.FromSeconds(9));
        _replication.Cron();
        Assert.Equal(offset, _replication.Offset);

        _clock.Advance(TimeSpan.FromSeconds(1));
        _replication.Cron();
        Assert.Equal("*1\r\n$4\r\nPING\r\n", Encoding.ASCII.GetString(connection.Delivered[^1].Bytes));
        Assert.Equal(offset + 14, _replication.Offset);
    }

    [Fact]
    public void AReplicaWhoseMasterLinkDropsConnectsAgainFromTheCron()
    {
        _replication.BecomeReplicaOf("127.0.0.1", 6390);
        Assert.Equal(["127.0.0.1:6390"], _links.Connections);
        Assert.True(_replication.RefusesWrites);

        var (master, _) = FakeClientConnection.Open(_clients, "127.0.0.1:6390");
        _replication.FullySynchronized(master, new string('a', 40), 1000);
        Assert.Equal(MasterLinkState.Connected, _replication.LinkState);
        Assert.Equal(1000, _replication.Offset);

        master.Connection!.Close("dropped");
        Assert.Equal(MasterLinkState.Connect, _replication.LinkState);
        _replication.Cron();
        Assert.Equal(["127.0.0.1:6390", "127.0.0.1:6390"], _links.Connections);
        Assert.False(_replication.BecomeReplicaOf("127.0.0.1", 6390));
    }

    private (ReplicaLink Link, FakeClientConnection Connection) Attach(bool online)
    {
        var (session, connection) = FakeClientConnection.Open(_clients, "127.0.0.1:40000");
        return (_replication.Attach(session, "127.0.0.1", 6380, online ? _replication.Offset + 1 : null), connection);
    }

    private void Write(int database, params string[] command) => ((ICommandLog)_replication).Append(database, CommandArgs.From(command));

    private sealed class FakeLinks : IReplicationLinks
    {
        public List<string> Connections { get; } = [];

        public bool Supported => true;

        public void WriteSnapshot(Action<byte[]?> completed)
        {
        }

        public void ConnectToMaster(string host, int port) => Connections.Add(host + ":" + port);

        public void DisconnectFromMaster()
        {
        }
    }
}
