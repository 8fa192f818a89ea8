using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Cluster;

/// <summary><c>CLUSTER subcommand [arg ...]</c>.</summary>
/// <param name="Keyspace">The connection's database (0: cluster mode has no other).</param>
/// <param name="Arguments">The words after the subcommand's name.</param>
public sealed record ClusterCommand(Keyspace Keyspace, ClusterSubcommand Subcommand, byte[][] Arguments) : IRedisCommand;
