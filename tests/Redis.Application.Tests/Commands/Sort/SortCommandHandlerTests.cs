using System.Text;
using Redis.Application.Commands.Sort;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Sort;

public class SortCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly SortCommandHandler _handler = new(TestClock.Create(), TestEvents.Off);

    [Fact]
    public async Task SortsNumbersAndBreaksTiesByTheElementsBytes()
    {
        List("l", "3", "b", "1", "a", "10");
        Set("w_3", "-1");
        Set("w_a", "1");
        Set("w_b", "1");

        Assert.Equal("10,3,a", Strings(await Sort("SORT l LIMIT 1 3 BY nosuch_*")));
        Assert.Equal("3,1,10,a,b", Strings(await Sort("SORT l BY w_*")));
        Assert.Equal("3,1,10", Strings(await Sort("SORT l BY w_* LIMIT 0 3")));
    }

    [Fact]
    public async Task AnswersTheConversionErrorForANonNumber()
    {
        List("l", "1", "x");

        Assert.Equal(Errors.SortScoreNotDouble, await Sort("SORT l"));
        Assert.Equal("1,x", Strings(await Sort("SORT l ALPHA")));
    }

    [Fact]
    public async Task KeepsTheListOrderWithoutAStarReversedByDesc()
    {
        List("l", "c", "a", "b", "d");

        Assert.Equal("b,a", Strings(await Sort("SORT l BY nosort DESC LIMIT 1 2")));
    }

    [Fact]
    public async Task GetsTheElementStringsAndHashFieldsNilWhenMissing()
    {
        List("l", "2", "1");
        Set("name_1", "one");

        var reply = await Sort("SORT l GET # GET name_* GET nostar");

        Assert.Equal("1,one,(nil),2,(nil),(nil)", Strings(reply));
    }

    [Fact]
    public async Task StoresAListReplacingTheDestinationAndDeletesItForAnEmptyResult()
    {
        List("l", "2", "1");
        Set("dst", "old");

        Assert.Equal(2, (await Sort("SORT l STORE dst")).IntegerValue);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("dst"u8, 0, out ListValue? stored));
        Assert.Equal(["1", "2"], Enumerable.Range(0, stored!.Length).Select(i => Encoding.UTF8.GetString(stored[i])));

        Assert.Equal(Reply.Zero, await Sort("SORT missing STORE dst"));
        Assert.False(_keyspace.Exists("dst"u8, 0));
    }

    [Fact]
    public async Task AnswersWrongTypeForAString()
    {
        Set("s", "x");

        Assert.Equal(Errors.WrongType, await Sort("SORT s"));
    }

    [Fact]
    public async Task SortsASetByItsBytesWhenStoringWithoutSorting()
    {
        var set = new SetValue();
        foreach (var member in new[] { "b", "c", "a" })
        {
            set.Add(Encoding.UTF8.GetBytes(member), 512);
        }

        _keyspace.Set("s"u8, set);

        Assert.Equal(3, (await Sort("SORT s BY nosort STORE dst")).IntegerValue);
        _keyspace.Get("dst"u8, 0, out ListValue? stored);
        Assert.Equal(["a", "b", "c"], Enumerable.Range(0, stored!.Length).Select(i => Encoding.UTF8.GetString(stored[i])));
    }

    private void List(string key, params string[] elements)
    {
        var list = new ListValue();
        foreach (var element in elements)
        {
            list.Push(Encoding.UTF8.GetBytes(element), left: false);
        }

        _keyspace.Set(Encoding.UTF8.GetBytes(key), list);
    }

    private void Set(string key, string value) => _keyspace.Set(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));

    private static string Strings(Reply reply) =>
        string.Join(',', reply.Items.Select(item => item.Kind == ReplyKind.Null ? "(nil)" : Encoding.UTF8.GetString(item.Bytes)));

    private ValueTask<Reply> Sort(string request)
    {
        var binder = new SortCommandBinder();
        var command = binder.Bind(CommandArgs.From(request.Split(' ')), keyspace: _keyspace).AssertCommand<SortCommand>();
        return _handler.Handle(command, CancellationToken.None);
    }
}
