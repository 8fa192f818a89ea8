using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Rename;

/// <summary><c>RENAME key newkey</c>, or <c>RENAMENX</c> when <paramref name="OnlyIfNewKeyMissing"/>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="NewKey">A slice of the request; the keyspace copies it.</param>
/// <param name="OnlyIfNewKeyMissing">RENAMENX: answer 0 and change nothing when <paramref name="NewKey"/> exists.</param>
public sealed record RenameCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> NewKey, bool OnlyIfNewKeyMissing = false) : IRedisCommand;
