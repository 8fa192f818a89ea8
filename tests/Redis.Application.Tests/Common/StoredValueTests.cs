using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

public class StoredValueTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100 * 1024)]
    public void CopiesEveryByteIntoANewArrayOfTheExactLength(int length)
    {
        var source = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        var value = StoredValue.Copy(source);

        Assert.Equal(source, value);
        Assert.NotSame(source, value);
    }

    [Fact]
    public void ConcatenatesTwoSpansAsAppendStoresThem()
    {
        Assert.Equal("hello world"u8.ToArray(), StoredValue.Concat("hello"u8, " world"u8));
        Assert.Equal("x"u8.ToArray(), StoredValue.Concat([], "x"u8));
        Assert.Empty(StoredValue.Concat([], []));
    }
}
