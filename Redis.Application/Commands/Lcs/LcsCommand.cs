using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Lcs;

/// <summary><c>LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]</c>: the longest common subsequence of two strings.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="First">A slice of the request, valid only while the command runs.</param>
/// <param name="Second">A slice of the request, valid only while the command runs.</param>
/// <param name="Length">LEN: answer the length only.</param>
/// <param name="Indexes">IDX: answer the matching ranges and the length.</param>
/// <param name="MinMatchLength">MINMATCHLEN: shorter ranges are left out of IDX's answer (negative counts as 0).</param>
/// <param name="WithMatchLength">WITHMATCHLEN: each IDX range also gives its length.</param>
/// <param name="OptionError">An option's error, which Redis answers only once both keys are found to be strings.</param>
public sealed record LcsCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> First,
    ReadOnlyMemory<byte> Second,
    bool Length = false,
    bool Indexes = false,
    long MinMatchLength = 0,
    bool WithMatchLength = false,
    Reply? OptionError = null) : IRedisCommand;
