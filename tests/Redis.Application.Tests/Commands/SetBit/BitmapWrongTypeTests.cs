using Redis.Application.Commands.BitCount;
using Redis.Application.Commands.BitField;
using Redis.Application.Commands.BitOp;
using Redis.Application.Commands.BitPos;
using Redis.Application.Commands.GetBit;
using Redis.Application.Commands.Lcs;
using Redis.Application.Commands.SetBit;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.SetBit;

/// <summary>Every bit command against a key of another type, and SETBIT's limits (the compat corpus has no other type yet).</summary>
public class BitmapWrongTypeTests
{
    private const long Start = TestClock.StartUnixMilliseconds;

    private static readonly byte[] Key = "k"u8.ToArray();

    private readonly Keyspace _keyspace = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = TestClock.Create();

    public BitmapWrongTypeTests()
    {
        _keyspace.Set(Key, new Other());
    }

    [Fact]
    public async Task BitCommandsAnswerWrongTypeAndLeaveTheValue()
    {
        Assert.Equal(Errors.WrongType, await new SetBitCommandHandler(_time, TestSettings.None, TestEvents.Off).Handle(new SetBitCommand(_keyspace, Key, 0, 1), default));
        Assert.Equal(Errors.WrongType, await new GetBitCommandHandler(_time, TestSettings.None).Handle(new GetBitCommand(_keyspace, Key, 0), default));
        Assert.Equal(Errors.WrongType, await new BitCountCommandHandler(_time).Handle(new BitCountCommand(_keyspace, Key, Early: Errors.Syntax), default));
        Assert.Equal(Errors.WrongType, await new BitPosCommandHandler(_time).Handle(new BitPosCommand(_keyspace, Key, 1, Early: Errors.Syntax), default));
        Assert.Equal(Errors.WrongType, await new BitOpCommandHandler(_time, TestEvents.Off).Handle(new BitOpCommand(_keyspace, BitOperation.Or, "d"u8.ToArray(), [Key]), default));
        var get = new BitFieldOperation(BitFieldOpcode.Get, 0, 8, false, 0, BitFieldOverflow.Wrap);
        var set = get with { Opcode = BitFieldOpcode.Set, Value = 1 };
        var bitField = new BitFieldCommandHandler(_time, TestSettings.None, TestEvents.Off);
        Assert.Equal(Errors.WrongType, await bitField.Handle(new BitFieldCommand(_keyspace, Key, [get]), default));
        Assert.Equal(Errors.WrongType, await bitField.Handle(new BitFieldCommand(_keyspace, Key, [set]), default));
        Assert.Equal(Errors.LcsWrongType, await new LcsCommandHandler(_time, TestSettings.None).Handle(new LcsCommand(_keyspace, Key, "x"u8.ToArray()), default));

        Assert.Equal(KeyType.List, _keyspace.TypeOf(Key, Start, out _));
        Assert.False(_keyspace.Exists("d"u8, Start));
    }

    [Fact]
    public async Task BitOpReplacesADestinationOfAnotherType()
    {
        _keyspace.Set("src"u8, "\x0f"u8);

        var reply = await new BitOpCommandHandler(_time, TestEvents.Off).Handle(new BitOpCommand(_keyspace, BitOperation.Not, Key, ["src"u8.ToArray()]), default);

        Assert.Equal(Reply.Integer(1), reply);
        Assert.Equal(KeyLookup.Found, _keyspace.Get(Key, Start, out var entry));
        Assert.Equal(new byte[] { 0xf0 }, entry.Value.ToArray());
    }

    [Fact]
    public async Task SetBitRefusesAnOffsetPastProtoMaxBulkLenBeforeItsValue()
    {
        var handler = new SetBitCommandHandler(_time, TestSettings.None, TestEvents.Off);

        var reply = await handler.Handle(new SetBitCommand(_keyspace, "b"u8.ToArray(), 512L * 1024 * 1024 * 8, 0, Errors.BitValueOutOfRange), default);

        Assert.Equal(Errors.BitOffsetOutOfRange, reply);
        Assert.Equal(Errors.BitValueOutOfRange, await handler.Handle(new SetBitCommand(_keyspace, "b"u8.ToArray(), 0, 0, Errors.BitValueOutOfRange), default));
        Assert.False(_keyspace.Exists("b"u8, Start));
    }

    [Fact]
    public void SetBitBinderRefusesANegativeOffsetAndKeepsTheValueErrorForLater()
    {
        var binder = new SetBitCommandBinder();

        Assert.Equal(Errors.BitOffsetOutOfRange, binder.Bind("SETBIT k -1 1").Error);
        Assert.Equal(Errors.BitValueOutOfRange, binder.Bind("SETBIT k 0 2").AssertCommand<SetBitCommand>().ValueError);
        Assert.Null(binder.Bind("SETBIT k 9 1").AssertCommand<SetBitCommand>().ValueError);
    }

    private sealed class Other : TypedValue
    {
        public override KeyType Type => KeyType.List;

        public override string Encoding => "other";

        public override long Count => 1;

        public override long Footprint => 8;

        public override TypedValue Copy() => new Other();
    }
}
