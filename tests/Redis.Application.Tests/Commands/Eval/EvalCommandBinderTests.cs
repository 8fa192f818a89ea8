using Redis.Application.Commands.Eval;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Eval;

/// <summary>Redis's <c>evalGenericCommand</c> and <c>evalShaCommand</c> checks, in their order, with their texts.</summary>
public class EvalCommandBinderTests
{
    private readonly ClientSession _session = ClientSession.ForScript();

    [Fact]
    public void BindsTheKeyCountAndTheWholeRequest()
    {
        var command = new EvalCommandBinder().Bind("EVAL body 2 k1 k2 a1", _session).AssertCommand<EvalCommand>();

        Assert.Equal(2, command.KeyCount);
        Assert.False(command.BySha);
        Assert.False(command.ReadOnly);
        Assert.Equal(6, command.Args.Count);
        Assert.Same(_session, command.Session);
    }

    [Theory]
    [InlineData("EVAL body 2 a", "ERR Number of keys can't be greater than number of args")]
    [InlineData("EVAL body -1", "ERR Number of keys can't be negative")]
    [InlineData("EVAL body x", "ERR value is not an integer or out of range")]
    [InlineData("EVAL body 99999999999999999999", "ERR value is not an integer or out of range")]
    public void RefusesABadKeyCount(string request, string expected) =>
        Assert.Equal(expected, new EvalCommandBinder().Bind(request, _session).AssertError());

    [Fact]
    public void ADigestThatIsNot40CharactersIsNoScriptBeforeTheKeyCount() =>
        Assert.Equal("NOSCRIPT No matching script. Please use EVAL.", new EvalShaCommandBinder().Bind("EVALSHA abc x", _session).AssertError());

    [Fact]
    public void TheReadOnlyFormsAreFlaggedAndBoundReadOnly()
    {
        var command = new EvalShaRoCommandBinder().Bind("EVALSHA_RO " + new string('a', 40) + " 0", _session).AssertCommand<EvalCommand>();

        Assert.True(command.BySha);
        Assert.True(command.ReadOnly);
        Assert.Contains("readonly", new EvalRoCommandBinder().Spec.Flags);
        Assert.True(new EvalCommandBinder().Spec.DeniedInScript);
        Assert.False(new EvalCommandBinder().Spec.IsWrite);
        Assert.Equal(2, new EvalCommandBinder().Spec.KeyCountAt);
    }
}
