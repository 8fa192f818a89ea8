namespace Redis.Application.Commands.BitField;

/// <summary>What a <c>BITFIELD</c> subcommand does.</summary>
public enum BitFieldOpcode
{
    Get,
    Set,
    IncrBy,
}

/// <summary>What <c>SET</c> and <c>INCRBY</c> do when the value does not fit the field (<c>OVERFLOW</c>).</summary>
public enum BitFieldOverflow
{
    Wrap,
    Sat,
    Fail,
}

/// <summary>One <c>GET</c>, <c>SET</c> or <c>INCRBY</c> of a <c>BITFIELD</c>, with the <c>OVERFLOW</c> rule in force for it.</summary>
/// <param name="Offset">The field's first bit (a <c>#n</c> offset already multiplied by the width).</param>
/// <param name="Value">The value of <c>SET</c>, the increment of <c>INCRBY</c>.</param>
/// <param name="Bits">The field's width: 1..64 signed, 1..63 unsigned.</param>
public readonly record struct BitFieldOperation(
    BitFieldOpcode Opcode,
    long Offset,
    int Bits,
    bool Signed,
    long Value,
    BitFieldOverflow Overflow);
