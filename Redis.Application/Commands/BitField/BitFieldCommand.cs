using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitField;

/// <summary><c>BITFIELD key [GET type offset] [SET type offset value] [INCRBY type offset increment] [OVERFLOW WRAP|SAT|FAIL] ...</c> and <c>BITFIELD_RO</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Operations">The operations parsed, in order (up to <paramref name="ParseError"/> when there is one).</param>
/// <param name="ParseError">The error that stopped the parse, answered after the offsets before it are range-checked
/// against <c>proto-max-bulk-len</c>, as Redis checks each offset while it parses.</param>
public sealed record BitFieldCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, BitFieldOperation[] Operations, Reply? ParseError = null)
    : IRedisCommand
{
    /// <summary>True when every operation is a <c>GET</c>: the key is only read.</summary>
    public bool ReadOnly
    {
        get
        {
            foreach (var operation in Operations)
            {
                if (operation.Opcode != BitFieldOpcode.Get)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
