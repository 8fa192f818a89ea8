using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LMPop;

/// <summary><c>LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
/// <param name="Left">True to pop at the head.</param>
/// <param name="Count">How many to pop at most, 1 or more.</param>
public sealed record LMPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys, bool Left, long Count) : IRedisCommand;
