using System.Text;
using Redis.Domain.Keys;
using Redis.Domain.Lists;

namespace Redis.Domain.Tests.Lists;

public sealed class ListValueTests
{
    private static byte[] B(string text) => Encoding.ASCII.GetBytes(text);

    private static string[] All(ListValue list)
    {
        var items = new string[list.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Encoding.ASCII.GetString(list[i]);
        }

        return items;
    }

    [Fact]
    public void PushesAndPopsAtBothEnds()
    {
        var list = new ListValue();
        list.Push(B("b"), left: false);
        list.Push(B("a"), left: true);
        list.Push(B("c"), left: false);
        Assert.Equal(["a", "b", "c"], All(list));
        Assert.Equal("quicklist", list.Encoding);
        Assert.Equal(KeyType.List, list.Type);
        Assert.Equal(3, list.Pushes);
        Assert.Equal("a", Encoding.ASCII.GetString(list.Pop(left: true)));
        Assert.Equal("c", Encoding.ASCII.GetString(list.Pop(left: false)));
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void GrowsAndShrinksAcrossTheRing()
    {
        var list = new ListValue();
        for (var i = 0; i < 100_000; i++)
        {
            list.Push(B(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), left: i % 2 == 0);
        }

        Assert.Equal(100_000, list.Count);
        Assert.True(list.Capacity >= 100_000);
        while (list.Count > 1)
        {
            list.Pop(left: list.Count % 2 == 0);
        }

        Assert.True(list.Capacity <= 8);
    }

    [Fact]
    public void InsertsRemovesAndTrims()
    {
        var list = new ListValue();
        foreach (var item in new[] { "a", "x", "b", "x", "c", "x" })
        {
            list.Push(B(item), left: false);
        }

        list.Insert(1, B("p"));
        list.Insert(6, B("q"));
        Assert.Equal(["a", "p", "x", "b", "x", "c", "q", "x"], All(list));
        Assert.Equal(1, list.Remove("x"u8, 1, fromTail: true));
        Assert.Equal(2, list.Remove("x"u8, 0, fromTail: false));
        Assert.Equal(["a", "p", "b", "c", "q"], All(list));
        Assert.True(list.TryResolveRange(1, -2, out var first, out var last));
        list.Trim(first, list.Length - last - 1);
        Assert.Equal(["p", "b", "c"], All(list));
        Assert.False(list.TryResolveRange(5, 10, out _, out _));
        Assert.Equal(2, list.Resolve(-1));
        Assert.Equal(-1, list.Resolve(3));
    }

    [Fact]
    public void SetReplacesTheReferenceAndFootprintFollows()
    {
        var list = new ListValue();
        var old = B("old");
        list.Push(old, left: false);
        var before = list.Footprint;
        list.Set(0, new byte[100]);
        Assert.Equal("old", Encoding.ASCII.GetString(old));
        Assert.True(list.Footprint > before);
    }
}
