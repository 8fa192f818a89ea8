using Redis.Application.Commands.Copy;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Copy;

public class CopyCommandHandlerTests
{
    private readonly Databases _databases = new(16);
    private readonly CopyCommandHandler _handler;

    public CopyCommandHandlerTests()
    {
        _handler = new CopyCommandHandler(_databases, TestClock.Create(), TestEvents.Off);
    }

    [Fact]
    public async Task CopiesIntoTheSameDatabaseOrTheLastOneNamed()
    {
        var set = new SetValue();
        set.Add("1"u8, 512);
        _databases[0].Set("k"u8, set);

        Assert.Equal(Reply.One, await Copy("k", "same"));
        Assert.Equal(Reply.One, await Copy("k", "k", databases: [3, 7]));

        Assert.Equal(KeyLookup.Found, _databases[0].Get<SetValue>("same"u8, 0, out var same));
        Assert.NotSame(set, same);
        Assert.Equal(0, _databases[3].Count);
        Assert.Equal(KeyType.Set, _databases[7].TypeOf("k"u8, 0, out _));
    }

    [Fact]
    public async Task AnswersZeroForAMissingSourceOrAnExistingDestinationAndReplacesWithReplace()
    {
        _databases[0].Set("a"u8, "1"u8);
        _databases[0].Set("b"u8, "2"u8);

        Assert.Equal(Reply.Zero, await Copy("missing", "b"));
        Assert.Equal(Reply.Zero, await Copy("a", "b"));
        Assert.Equal(Reply.One, await Copy("a", "b", replace: true));

        Assert.Equal(KeyLookup.Found, _databases[0].Get("b"u8, 0, out var b));
        Assert.Equal("1"u8.ToArray(), b.Value.ToArray());
    }

    [Fact]
    public async Task ChecksEveryIndexThenTheOptionErrorThenTheSameKey()
    {
        Assert.Equal(Errors.DbIndexOutOfRange, await Copy("k", "k", databases: [1, 16], error: Errors.Syntax));
        Assert.Equal(Errors.DbIndexOutOfRange, await Copy("k", "x", databases: [-1]));
        Assert.Equal(Errors.Syntax, await Copy("k", "k", databases: [0], error: Errors.Syntax));
        Assert.Equal(Errors.SameObject, await Copy("missing", "missing", databases: [0]));
        Assert.Equal(Reply.Zero, await Copy("missing", "missing", databases: [1]));
    }

    private ValueTask<Reply> Copy(string source, string destination, int[]? databases = null, bool replace = false, Reply? error = null) =>
        _handler.Handle(
            new CopyCommand(_databases[0], Binding.Bytes(source), Binding.Bytes(destination), databases ?? [], replace, error),
            CancellationToken.None);
}
