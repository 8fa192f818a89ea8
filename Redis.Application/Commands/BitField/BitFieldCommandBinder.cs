using Redis.Application.Commands.Bits;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.BitField;

/// <summary>Parses the subcommands in order, as Redis's <c>bitfieldGeneric</c>: the first error stops the parse.</summary>
internal sealed class BitFieldCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bitfield", -2, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new(
            "key [GET encoding offset | [OVERFLOW WRAP|SAT|FAIL] SET encoding offset value | [OVERFLOW WRAP|SAT|FAIL] INCRBY encoding offset increment [GET encoding offset ...]]",
            "Perform arbitrary bitfield integer operations on strings",
            "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, readOnly: false);

    /// <summary>The parse shared with <c>BITFIELD_RO</c>, which refuses any subcommand but <c>GET</c> once all are parsed.</summary>
    internal static BindResult Parse(ref ArgCursor args, bool readOnly)
    {
        var key = args.NextMemory();
        var operations = new List<BitFieldOperation>();
        var overflow = BitFieldOverflow.Wrap;
        var error = ParseOperations(ref args, operations, ref overflow);
        if (error is null && readOnly)
        {
            foreach (var operation in operations)
            {
                if (operation.Opcode != BitFieldOpcode.Get)
                {
                    error = Errors.BitFieldReadOnly;
                    break;
                }
            }
        }

        return new BindResult(new BitFieldCommand(args.Keyspace, key, [.. operations], error));
    }

    private static Reply? ParseOperations(ref ArgCursor args, List<BitFieldOperation> operations, ref BitFieldOverflow overflow)
    {
        while (args.HasMore)
        {
            var remaining = args.Remaining - 1;
            BitFieldOpcode opcode;
            if (args.PeekIs("GET"u8) && remaining >= 2)
            {
                opcode = BitFieldOpcode.Get;
            }
            else if (args.PeekIs("SET"u8) && remaining >= 3)
            {
                opcode = BitFieldOpcode.Set;
            }
            else if (args.PeekIs("INCRBY"u8) && remaining >= 3)
            {
                opcode = BitFieldOpcode.IncrBy;
            }
            else if (args.PeekIs("OVERFLOW"u8) && remaining >= 1)
            {
                args.Skip();
                if (args.NextIs("WRAP"u8))
                {
                    overflow = BitFieldOverflow.Wrap;
                }
                else if (args.NextIs("SAT"u8))
                {
                    overflow = BitFieldOverflow.Sat;
                }
                else if (args.NextIs("FAIL"u8))
                {
                    overflow = BitFieldOverflow.Fail;
                }
                else
                {
                    return Errors.BitFieldOverflowType;
                }

                continue;
            }
            else
            {
                return Errors.Syntax;
            }

            args.Skip();
            if (!TryParseType(args.NextSpan(), out var signed, out var bits))
            {
                return Errors.BitFieldType;
            }

            if (!Bitmap.TryParseOffset(args.NextSpan(), bits, out var offset))
            {
                return Errors.BitOffsetOutOfRange;
            }

            long value = 0;
            if (opcode != BitFieldOpcode.Get && !args.TryNextInt64(out value))
            {
                // The offset was parsed: the handler checks its range before this error, as Redis does.
                operations.Add(new BitFieldOperation(BitFieldOpcode.Get, offset, bits, signed, 0, overflow));
                return Errors.NotAnInteger;
            }

            operations.Add(new BitFieldOperation(opcode, offset, bits, signed, value, overflow));
        }

        return null;
    }

    // Redis's getBitfieldTypeFromArgument: i1..i64 or u1..u63.
    private static bool TryParseType(ReadOnlySpan<byte> type, out bool signed, out int bits)
    {
        (signed, bits) = (false, 0);
        if (type.IsEmpty || (type[0] != (byte)'i' && type[0] != (byte)'u'))
        {
            return false;
        }

        signed = type[0] == (byte)'i';
        if (!RedisInteger.TryParse(type[1..], out var width) || width < 1 || width > (signed ? 64 : 63))
        {
            return false;
        }

        bits = (int)width;
        return true;
    }
}
