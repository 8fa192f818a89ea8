using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Copy;

/// <summary><c>COPY source destination [DB destination-db] [REPLACE]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound: where the source is.</param>
/// <param name="Source">A slice of the request, valid only while the command runs.</param>
/// <param name="Destination">A slice of the request, valid only while the command runs.</param>
/// <param name="Databases">Every <c>DB</c> index given, in order (the last one is the destination's database); each
/// is checked against the databases in turn, as Redis checks it while it reads the options.</param>
/// <param name="Replace">True with <c>REPLACE</c>: an existing destination is overwritten.</param>
/// <param name="OptionError">The first option Redis would refuse (not an integer, a syntax error), which it reports
/// only after the <c>DB</c> indexes before it were found in range.</param>
public sealed record CopyCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Source,
    ReadOnlyMemory<byte> Destination,
    int[] Databases,
    bool Replace,
    Reply? OptionError = null) : IRedisCommand;
