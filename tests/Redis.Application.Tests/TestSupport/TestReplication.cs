using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Replication;
using Redis.Application.Sessions;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.TestSupport;

/// <summary>A master's replication state with no replica and no transport behind it, for the router's tests.</summary>
internal static class TestReplication
{
    public static ReplicationState Create(Databases databases, CommandPropagation? propagation = null) =>
        new(propagation ?? new CommandPropagation(databases), new BlockedClients(databases, TimeProvider.System),
            new ClientRegistry(new DefaultUser(TestSettings.None)), TestSettings.None, TimeProvider.System);
}
