using Redis.Application.Commands.BitField;
using Redis.Application.Commands.Bits;

namespace Redis.Application.Tests.Commands.BitField;

public class BitFieldArithmeticTests
{
    [Theory]
    [InlineData(250UL, 10L, BitFieldOverflow.Wrap, 1, 4UL)]
    [InlineData(250UL, 10L, BitFieldOverflow.Sat, 1, 255UL)]
    [InlineData(5UL, -10L, BitFieldOverflow.Sat, -1, 0UL)]
    [InlineData(5UL, -10L, BitFieldOverflow.Wrap, 1, 251UL)]
    public void UnsignedOverflowWrapsOrSaturates(ulong value, long increment, BitFieldOverflow overflow, int expected, ulong limit)
    {
        Assert.Equal(expected, BitFieldArithmetic.CheckUnsigned(value, increment, 8, overflow, out var actual));
        Assert.Equal(limit, actual);
    }

    [Theory]
    [InlineData(100L, 100L, 8, BitFieldOverflow.Wrap, 1, -56L)]
    [InlineData(100L, 100L, 8, BitFieldOverflow.Sat, 1, 127L)]
    [InlineData(-100L, -100L, 8, BitFieldOverflow.Sat, -1, -128L)]
    [InlineData(long.MaxValue, 1L, 64, BitFieldOverflow.Wrap, 1, long.MinValue)]
    [InlineData(long.MinValue, -1L, 64, BitFieldOverflow.Sat, -1, long.MinValue)]
    public void SignedOverflowWrapsOrSaturates(long value, long increment, int bits, BitFieldOverflow overflow, int expected, long limit)
    {
        Assert.Equal(expected, BitFieldArithmetic.CheckSigned(value, increment, bits, overflow, out var actual));
        Assert.Equal(limit, actual);
    }

    [Fact]
    public void FitsWithoutOverflow()
    {
        Assert.Equal(0, BitFieldArithmetic.CheckSigned(-1, 1, 8, BitFieldOverflow.Fail, out _));
        Assert.Equal(0, BitFieldArithmetic.CheckUnsigned(0, 255, 8, BitFieldOverflow.Fail, out _));
    }

    [Fact]
    public void ReadsAndWritesFieldsAcrossByteBoundaries()
    {
        var bytes = new byte[3];
        Bitmap.SetUnsigned(bytes, 7, 5, 23);

        Assert.Equal(new byte[] { 0x01, 0x70, 0x00 }, bytes);
        Assert.Equal(23UL, Bitmap.GetUnsigned(bytes, 7, 5));
        Assert.Equal(-9L, Bitmap.GetSigned(bytes, 7, 5));
        Assert.Equal(0UL, Bitmap.GetUnsigned(bytes, 100, 64));
    }

    [Fact]
    public void FindsTheFirstBitPastWholeWords()
    {
        var bytes = new byte[20];
        Assert.Equal(-1, Bitmap.FirstBit(bytes, 1));
        Assert.Equal(0, Bitmap.FirstBit(bytes, 0));
        bytes[17] = 0x10;
        Assert.Equal((17 * 8) + 3, Bitmap.FirstBit(bytes, 1));
        Assert.Equal(1 + (17 * 8), Bitmap.PopCount(bytes) + (17 * 8));
        Array.Fill(bytes, (byte)0xff);
        Assert.Equal(160, Bitmap.FirstBit(bytes, 0));
    }
}
